import { z } from 'zod';

/** DataKit's error shape, used by every route of the server: `{ error_code, message }`. */
export const errorBody = z
  .object({
    error_code: z.string().describe('A stable, machine-readable code, such as `app.not_found`.'),
    message: z.string().describe('What went wrong, for a person.'),
    details: z.unknown().optional().describe('Extra structured detail, such as rejected lines.'),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBody>;

/** Thrown by backends when the server answers with an error. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}
