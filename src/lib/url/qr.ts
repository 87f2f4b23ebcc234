// A QR code of a link as plain data: the module grid and one SVG path of its dark modules, so the
// presenter's screen can show the current state for phones to scan (the component only draws it).
import qrcode from 'qrcode-generator';

/** A QR code: `size` modules a side and the SVG path ("M x y h1 v1 h-1 z" per dark module). */
export interface QrCode {
  size: number;
  path: string;
  /** The text it encodes. */
  text: string;
}

/** Encodes `text` with error correction M (15% of modules may be lost: a projector's glare). */
export function qrOf(text: string): QrCode {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const parts: string[] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) if (qr.isDark(r, c)) parts.push(`M${c} ${r}h1v1h-1z`);
  }
  return { size, path: parts.join(''), text };
}

/** True for module (r, c) of a code built by qrOf (reads the path back; for tests). */
export function darkAt(code: QrCode, r: number, c: number): boolean {
  return code.path.includes(`M${c} ${r}h1v1h-1z`);
}
