// The messages between the extension host and the extraction worker (extractionWorker.ts), checked
// on receipt on both sides like every other boundary: a worker is another thread's output.
import * as z from 'zod';

const JobId = z.string().min(1).max(100);

/** Host -> worker: extract `text` (no project name: the host names the spec, see withProjectName), or stop job `id`. */
export const ToWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('extract'), id: JobId, text: z.string().max(2_000_000), sliceMs: z.number().min(0).max(1000).optional() }),
  z.object({ type: z.literal('cancel'), id: JobId }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

/** Worker -> host: how far job `id` got, its spec (validated again by the host), that it stopped, or why it failed. */
export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), id: JobId, step: z.enum(['reading', 'model']), done: z.number().int().min(0), total: z.number().int().min(0) }),
  z.object({ type: z.literal('done'), id: JobId, spec: z.unknown() }),
  z.object({ type: z.literal('stopped'), id: JobId }),
  z.object({ type: z.literal('failed'), id: JobId.optional(), message: z.string().max(10_000) }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
