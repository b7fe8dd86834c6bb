import * as z from 'zod';

const id = z.union([z.string(), z.number()]).optional();

const span = z.object({
  type: z.string().trim().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

/** `{"text", "entities":[{"type","start","end"}]}`: offsets in UTF-16 code units into `text`, end exclusive. */
export const piiSampleSchema = z
  .object({ text: z.string(), entities: z.array(span) })
  .superRefine((sample, context) => {
    sample.entities.forEach((entity, i) => {
      if (entity.end <= entity.start || entity.end > sample.text.length) {
        context.addIssue({
          code: 'custom',
          path: ['entities', i],
          message: `span ${entity.start}..${entity.end} is not within the text (length ${sample.text.length})`,
        });
      }
    });
  });
export const PII_SAMPLE_SHAPE = '{"text": string, "entities": [{"type": string, "start": int, "end": int}]}';

/** `{"id"?, "text", "label"}` */
export const classifySampleSchema = z.object({ id, text: z.string(), label: z.string().trim().min(1) });
export const CLASSIFY_SAMPLE_SHAPE = '{"id"?: string, "text": string, "label": string}';

/** `{"id"?, "title"?, "text", "reference"}` */
export const summariseSampleSchema = z.object({ id, title: z.string().optional(), text: z.string(), reference: z.string() });
export const SUMMARISE_SAMPLE_SHAPE = '{"id"?: string, "text": string, "reference": string}';
