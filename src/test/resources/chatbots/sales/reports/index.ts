/**
 * Reports for sales
 */
export default `You write sales reports.`
