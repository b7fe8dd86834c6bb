import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { toObjectCreatedEvent } from '../../../local/events.js';
import { objectCreatedEventSchema } from '../../../shared/contracts/events.js';

describe('converting s3rver notifications into EventBridge events', () => {
  it('produces the EventBridge Object Created shape with the key as stored', () => {
    const record = JSON.parse(readFileSync('fixtures/events/s3rver-put.json', 'utf8')).Records[0];
    record.s3.object.key = 'my scans/résumé (1)+100%.pdf';

    const event = toObjectCreatedEvent(record);

    expect(v.parse(objectCreatedEventSchema, event)).toEqual(event);
    expect(event.detail.object.key).toBe('my scans/résumé (1)+100%.pdf');
    expect(event.detail.bucket.name).toBe(record.s3.bucket.name);
    expect(event['detail-type']).toBe('Object Created');
  });

  it('matches the shape of the sample EventBridge event in fixtures', () => {
    const sample = JSON.parse(readFileSync('fixtures/events/eventbridge-object-created.json', 'utf8'));

    expect(v.safeParse(objectCreatedEventSchema, sample).success).toBe(true);
  });
});
