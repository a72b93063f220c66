// The de-identification feature's public surface: the server's gate on text and file names, and what
// every upload goes through (metadata stripped, text read and scanned, DICOM refused).
export { gate, refuseIdentifyingFileName, refuseUnconfirmed } from './deid-gate';
export { DeidModule } from './deid.module';
export { refuseDicom } from './dicom';
export { findingsInFile } from './read-text';
export { stripMetadata } from './strip-metadata';
