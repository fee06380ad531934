import { z } from 'zod';

export const isoTime = z.iso.datetime().describe('An ISO 8601 time in UTC.');
export const idParam = z.object({ id: z.string().min(1).describe('The internal id.') });
export const empty = z.object({}).strict();
