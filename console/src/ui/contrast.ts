/** Red text that stays readable on white and on an overdue row's background. */
export const READABLE_DANGER = '#a8071a';
