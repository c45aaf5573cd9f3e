/** The OCI-P protocol layer: XML writing and reading, stream framing and login signing. */
export {
  writeDocument,
  XML_DECLARATION,
  XSI_NAMESPACE,
  type OciDocumentCommand,
  type WriteOptions,
} from './xml-writer.js';
export { readDocument, type OciReadCommand, type OciReadDocument } from './xml-reader.js';
export { encodeDocument, escapeAttribute, escapeText, isXmlChar } from './xml-escape.js';
export { FrameReader, DEFAULT_MAX_FRAME_BYTES, type FrameReaderOptions } from './framing.js';
export { signPassword } from './signing.js';
export { OciEncodingError, OciFrameTooLargeError, OciParseError, OciWriteError } from './protocol-errors.js';
export { C_NAMESPACE, C_NAMESPACE_TYPES, commandType } from './schema-lookup.js';
export { keepReadInfo, readInfoOf, type ReadInfo, type ReadProblem } from './read-info.js';
