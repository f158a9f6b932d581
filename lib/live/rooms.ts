// socket.io room names. Kept apart from socket-server.ts so that server actions can name rooms without loading it.

/** Every socket of a user (joined on connection). */
export const userRoom = (userId: string) => `user:${userId}`;

/** Everyone in a lesson's live session: its students and staff. */
export const lessonRoom = (lessonId: string) => `lesson:${lessonId}`;

/** The lesson's staff (the board), who see names and every answer. */
export const staffRoom = (lessonId: string) => `lesson:${lessonId}:staff`;
