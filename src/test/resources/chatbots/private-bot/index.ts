/**
 * Private Bot
 *
 * @fluxbase:public false
 */
export default `You are hidden from the public list.`
