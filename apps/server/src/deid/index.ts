/**
 * De-identification: the server's gate on text and file names, and the one ingest pipeline every upload goes
 * through (type, name, metadata, redaction, text, gate, store), and the scanner's HTTP check.
 */
export { gate, refuseIdentifyingFileName, refuseUnconfirmed } from './deid-gate';
export { DeidModule } from './deid.module';
export { refuseDicom } from './dicom';
export { FileGateFieldsDto, SpanDto } from './file-gate.dto';
export { ingestUpload, sniffedAs, type Ingested, type IngestOptions, type IngestStep, type UploadType } from './ingest';
export { findingsInFile, readText } from './read-text';
export { redact } from './redact';
export { stripMetadata } from './strip-metadata';
