/** The most units one cart line holds (more is a 400), and the most lines a cart holds (more is a 422). */
export const MAX_LINE_QUANTITY = 10_000;
export const MAX_LINES = 100;
