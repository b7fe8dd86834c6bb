import { noInstrument, type ClientInstrument } from '../aws/client-instrument.js';
import { createDocumentClient } from '../aws/dynamo-client.js';
import { RecordStore } from './records.js';

/** The record store of the stages that read or write document records, on its own DynamoDB client. */
export function dynamoRecordStore(tableName: string, instrument: ClientInstrument = noInstrument): RecordStore {
  return new RecordStore(instrument(createDocumentClient()), tableName);
}
