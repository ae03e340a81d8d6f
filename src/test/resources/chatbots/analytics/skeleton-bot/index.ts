/**
 * Analytics skeleton
 */
export default `You are the analytics namespace's skeleton bot.`
