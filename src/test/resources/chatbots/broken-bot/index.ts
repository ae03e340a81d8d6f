/**
 * Broken Bot
 *
 * @fluxbase:temperature 5
 */
export default `This chatbot must be skipped: its temperature is out of range.`
