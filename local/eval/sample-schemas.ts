import * as v from 'valibot';
import { checkWhole } from '../../shared/contracts/validate.js';

const id = v.optional(v.union([v.string(), v.number()]));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const label = v.pipe(v.string(), v.trim(), v.minLength(1));

const span = v.object({ type: label, start: offset, end: offset });
const piiSampleFields = v.object({ text: v.string(), entities: v.array(span) });

/** `{"text", "entities":[{"type","start","end"}]}`: offsets in UTF-16 code units into `text`, end exclusive. */
export const piiSampleSchema = v.pipe(
  piiSampleFields,
  checkWhole<v.InferOutput<typeof piiSampleFields>>((sample, problem) => {
    sample.entities.forEach((entity, i) => {
      if (entity.end <= entity.start || entity.end > sample.text.length) {
        problem(`span ${entity.start}..${entity.end} is not within the text (length ${sample.text.length})`, ['entities', i]);
      }
    });
  }),
);
export const PII_SAMPLE_SHAPE = '{"text": string, "entities": [{"type": string, "start": int, "end": int}]}';

/** `{"id"?, "text", "label"}` */
export const classifySampleSchema = v.object({ id, text: v.string(), label });
export const CLASSIFY_SAMPLE_SHAPE = '{"id"?: string, "text": string, "label": string}';

/** `{"id"?, "title"?, "text", "reference"}` */
export const summariseSampleSchema = v.object({ id, title: v.optional(v.string()), text: v.string(), reference: v.string() });
export const SUMMARISE_SAMPLE_SHAPE = '{"id"?: string, "text": string, "reference": string}';
