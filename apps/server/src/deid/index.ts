/**
 * De-identification of what people upload and type: the one ingest pipeline every upload goes through
 * (type, name, metadata, redaction, text, gate, store), and the scanner's HTTP check.
 */
export { DeidModule } from './deid.module';
export { ingestUpload, sniffedAs, type Ingested, type IngestOptions, type IngestStep, type UploadType } from './ingest';
export { stripMetadata } from './strip-metadata';
export { findingsInFile, readText } from './read-text';
export { redact } from './redact';
