export const timeLimit = 10_000;
