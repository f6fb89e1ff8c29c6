import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { readSvg } from './svg';

export type LogoContentType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export interface Logo {
  contentType: LogoContentType;
  /** The bytes to store and serve: the upload itself for PNG and JPEG, the sanitised rewrite for SVG. */
  content: Buffer;
  /** Pixels for PNG and JPEG; the SVG's intrinsic size in CSS pixels, 0 when it declares none (it scales). */
  width: number;
  height: number;
}

export type LogoReading = { ok: true; logo: Logo } | { ok: false; reason: string };

/** A logo sits in a header bar; half a megabyte is generous for that and keeps every rendered PDF and email small. */
export const MAX_LOGO_BYTES = 512 * 1024;

/**
 * Largest raster side accepted. A decoded image costs width × height × 4 bytes whatever its file size (a 500 KB PNG
 * can inflate to gigabytes), so the bound is on pixels, and it is checked before PNG decoding, from the header.
 */
export const MAX_LOGO_SIDE = 4000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * Checks an uploaded logo and says what it is. The type comes from the bytes, never from a file name or a declared
 * content type, because the logo is later served and embedded under the type decided here. Rasters are decoded in
 * full, so a file that merely starts like a PNG is refused now rather than shown broken in every reminder; SVGs are
 * rewritten keeping only drawing elements, since an SVG is a document that could otherwise run script or fetch
 * resources wherever it is displayed.
 */
export function readLogo(bytes: Buffer): LogoReading {
  if (bytes.length > MAX_LOGO_BYTES) {
    return refuse(`must be at most 512 KB; this one is ${Math.ceil(bytes.length / 1024)} KB`);
  }
  const type = sniffType(bytes);
  switch (type) {
    case 'image/png':
      return readPng(bytes);
    case 'image/jpeg':
      return readJpeg(bytes);
    case 'image/svg+xml':
      return readSvgLogo(bytes);
    case undefined:
      return refuse('must be a PNG, JPEG or SVG image');
  }
}

/** PNG and JPEG by their magic bytes; SVG by an `<svg` root after the optional BOM, XML declaration and comments. */
function sniffType(bytes: Buffer): LogoContentType | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  const text = utf8(bytes);
  return text !== undefined && looksLikeSvg(text) ? 'image/svg+xml' : undefined;
}

function startsWith(bytes: Buffer, signature: Buffer): boolean {
  return bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature);
}

/** Strict decoding: bytes that are not UTF-8 are not an SVG we can read. The BOM, if any, is dropped. */
function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The root element is `svg`. A DOCTYPE in front of it still counts as an SVG, so that it is refused for the DOCTYPE
 * (which the uploader can fix) rather than as "not an image".
 */
function looksLikeSvg(text: string): boolean {
  const rest = skipProlog(text);
  if (/^<svg[\s/>]/.test(rest)) return true;
  return /^<!DOCTYPE[\s[]/i.test(rest) && /<svg[\s/>]/.test(rest);
}

/** Skips whitespace, processing instructions (the XML declaration) and comments; a loop, as a regex could backtrack. */
function skipProlog(text: string): string {
  let rest = text.trimStart();
  for (;;) {
    const close = rest.startsWith('<?') ? '?>' : rest.startsWith('<!--') ? '-->' : undefined;
    if (close === undefined) return rest;
    const end = rest.indexOf(close, 2);
    if (end < 0) return rest;
    rest = rest.slice(end + close.length).trimStart();
  }
}

function readPng(bytes: Buffer): LogoReading {
  const header = pngHeaderSize(bytes);
  if (header !== undefined) {
    const tooLarge = sizeProblem(header.width, header.height);
    if (tooLarge !== undefined) return refuse(tooLarge);
  }
  let image: PNG;
  try {
    image = PNG.sync.read(bytes);
  } catch (error) {
    return refuse(`the PNG does not decode: ${messageOf(error)}`);
  }
  return raster('image/png', bytes, image.width, image.height);
}

/** Width and height from the IHDR chunk, which the PNG format requires to come first, right after the signature. */
function pngHeaderSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** jpeg-js bounds its own allocations (50 MP, 256 MB), so the size is judged on the decoded image. */
function readJpeg(bytes: Buffer): LogoReading {
  let image: { width: number; height: number };
  try {
    image = decodeJpeg(bytes, { useTArray: true, maxResolutionInMP: 50, maxMemoryUsageInMB: 256 });
  } catch (error) {
    return refuse(`the JPEG does not decode: ${messageOf(error)}`);
  }
  return raster('image/jpeg', bytes, image.width, image.height);
}

function raster(contentType: LogoContentType, content: Buffer, width: number, height: number): LogoReading {
  const problem = sizeProblem(width, height);
  return problem === undefined ? { ok: true, logo: { contentType, content, width, height } } : refuse(problem);
}

function sizeProblem(width: number, height: number): string | undefined {
  if (width === 0 || height === 0) return `must not be empty; this one is ${width}×${height} pixels`;
  if (width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE) {
    return `must be at most ${MAX_LOGO_SIDE}×${MAX_LOGO_SIDE} pixels; this one is ${width}×${height}`;
  }
  return undefined;
}

/** SVG sizes are not bounded: they are nominal, and drawing the logo smaller or larger costs the same. */
function readSvgLogo(bytes: Buffer): LogoReading {
  const read = readSvg(bytes);
  if (!read.ok) return read;
  const { svg, width, height } = read;
  return { ok: true, logo: { contentType: 'image/svg+xml', content: Buffer.from(svg, 'utf8'), width, height } };
}

function refuse(reason: string): LogoReading {
  return { ok: false, reason };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
