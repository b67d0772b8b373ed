/**
 * The ID copy: the visitor's image, decoded in the page, and the masked copy that alone leaves it.
 * Re-encoding from a canvas also drops the original's metadata (EXIF, GPS, camera, file name).
 */

/** A black box over the image, in fractions of its width and height (0–1), so it survives any display size. */
export interface MaskBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Why a picked file cannot be used. */
export type IdCopyProblem = 'type' | 'size' | 'unreadable';

/** What the visitor may pick: the two types the event promises, up to 15 MB (a phone photo is 2–8 MB). */
export const ID_COPY_TYPES = ['image/jpeg', 'image/png'] as const;
export const ID_COPY_MAX_BYTES = 15 * 1024 * 1024;
/**
 * At most 50 megapixels (a 200 MB decode): a small file can claim a huge image, which would take
 * the page's memory before anything could be said.
 */
export const ID_COPY_MAX_PIXELS = 50e6;
/** The copy's longest side in pixels: enough to read an ID, small enough to send on a weak connection. */
const LONGEST_SIDE = 2000;

/** The decoded image (never the file) and the type the copy keeps; a problem when it cannot be one. */
export async function readIdImage(file: File): Promise<{ image: ImageBitmap; type: (typeof ID_COPY_TYPES)[number] } | { problem: IdCopyProblem }> {
  const type = ID_COPY_TYPES.find((allowed) => allowed == file.type);
  if (!type) return { problem: 'type' };
  if (file.size > ID_COPY_MAX_BYTES) return { problem: 'size' };
  // The header says how large the image is, before anything is decoded.
  const size = imageSize(new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer()));
  if (size && size.width * size.height > ID_COPY_MAX_PIXELS) return { problem: 'size' };
  try {
    // `from-image`: a phone photo's EXIF orientation is applied, so the copy stands as it was taken.
    const decoded = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const copy = copySize(decoded);
    if (copy.width == decoded.width) return { image: decoded, type };
    // Kept at the copy's size only: the full-size pixels go at once.
    const image = await createImageBitmap(decoded, { resizeWidth: copy.width, resizeHeight: copy.height, resizeQuality: 'high' });
    decoded.close();
    return { image, type };
  } catch {
    return { problem: 'unreadable' };
  }
}

/** Width and height from a PNG's IHDR or a JPEG's start-of-frame; undefined when not found. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) == 0x89504e47 && view.getUint32(12) == 0x49484452) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes.length < 4 || view.getUint16(0) != 0xffd8) return undefined;
  // JPEG: walk the segments to the first SOFn (C0–CF, except C4 DHT, C8 JPG and CC DAC).
  for (let at = 2; at + 9 < bytes.length;) {
    if (bytes[at] != 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker == 0xff) {
      at += 1;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

/** The size the copy is drawn at: the image's, scaled down to at most LONGEST_SIDE. */
export function copySize(image: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, LONGEST_SIDE / Math.max(image.width, image.height));
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

/**
 * Draws the image, then the black boxes, then the watermark line across the middle (last, so no
 * box can hide it), onto `canvas` at the copy's size. `boxes` empty: the preview before masking.
 */
export function drawIdCopy(canvas: HTMLCanvasElement, image: ImageBitmap, boxes: MaskBox[], watermark: string): void {
  const { width, height } = copySize(image);
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, width, height);
  context.fillStyle = '#000';
  // Whole pixels, rounded outwards: nothing of the edge under a box shows through anti-aliasing.
  for (const box of boxes) {
    const left = Math.floor(box.x * width);
    const top = Math.floor(box.y * height);
    context.fillRect(left, top, Math.ceil((box.x + box.width) * width) - left, Math.ceil((box.y + box.height) * height) - top);
  }
  drawWatermark(context, width, height, watermark);
}

/** The band where the watermark line goes, in pixels of the copy: the middle, as wide as the image. */
export function watermarkBand(width: number, height: number): { top: number; height: number; fontSize: number } {
  const fontSize = Math.max(12, Math.round(Math.min(width / 32, height / 12)));
  const band = Math.round(fontSize * 1.8);
  return { top: Math.round((height - band) / 2), height: band, fontSize };
}

function drawWatermark(context: CanvasRenderingContext2D, width: number, height: number, text: string): void {
  const band = watermarkBand(width, height);
  context.fillStyle = 'rgb(255 255 255 / 0.6)';
  context.fillRect(0, band.top, width, band.height);
  let fontSize = band.fontSize;
  context.font = `600 ${fontSize}px system-ui, sans-serif`;
  // A long organisation name shrinks the line rather than cutting it off.
  const measured = context.measureText(text).width;
  if (measured > width * 0.96) {
    fontSize = Math.max(6, Math.floor((fontSize * width * 0.96) / measured));
    context.font = `600 ${fontSize}px system-ui, sans-serif`;
  }
  context.fillStyle = 'rgb(0 0 0 / 0.85)';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(text, width / 2, band.top + band.height / 2);
}

/** The masked copy as a file of the original's type. */
export async function maskedIdCopy(image: ImageBitmap, type: (typeof ID_COPY_TYPES)[number], boxes: MaskBox[], watermark: string): Promise<Blob> {
  const canvas = document.createElement('canvas');
  drawIdCopy(canvas, image, boxes, watermark);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.9));
  // The canvas held the image's pixels: let it go at once.
  canvas.width = canvas.height = 0;
  if (!blob) throw new Error('the browser could not encode the ID copy');
  return blob;
}

/** Keeps a box inside the image and at least 2 % in each direction. */
export function clampBox(box: MaskBox): MaskBox {
  const min = 0.02;
  const width = Math.min(1, Math.max(min, box.width));
  const height = Math.min(1, Math.max(min, box.height));
  return { x: Math.min(1 - width, Math.max(0, box.x)), y: Math.min(1 - height, Math.max(0, box.y)), width, height };
}
