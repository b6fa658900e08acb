/**
 * Stable GUIDs derived from names (UUID version 5: SHA-1 of a namespace and a
 * name), so the provisioning template and provisioned field ids are the same
 * on every run and every machine. Pure TypeScript: no node:crypto, so this
 * module also loads in the browser bundle.
 */

/** The register's own namespace (a random v4 UUID fixed once). */
export const REGISTER_NAMESPACE = '3f0c7f5e-8f0d-4c53-9a8e-2b8e6f1d4c21';

function sha1(bytes: Uint8Array): Uint8Array {
  const ml = bytes.length * 8;
  const withPadding = new Uint8Array((((bytes.length + 8) >> 6) + 1) << 6);
  withPadding.set(bytes);
  withPadding[bytes.length] = 0x80;
  const view = new DataView(withPadding.buffer);
  view.setUint32(withPadding.length - 4, ml >>> 0);
  view.setUint32(withPadding.length - 8, Math.floor(ml / 2 ** 32));
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Uint32Array(80);
  for (let chunk = 0; chunk < withPadding.length; chunk += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(chunk + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = (w[i - 3] as number) ^ (w[i - 8] as number) ^ (w[i - 14] as number) ^ (w[i - 16] as number);
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + (w[i] as number)) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => outView.setUint32(i * 4, h));
  return out;
}

/** SHA-1 as hex (exported for tests against known vectors). */
export function sha1Hex(text: string): string {
  return [...sha1(new TextEncoder().encode(text))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** RFC 4122 version-5 UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = REGISTER_NAMESPACE): string {
  const ns = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(ns)) throw new RangeError(`Not a UUID: ${namespace}`);
  const nsBytes = Uint8Array.from(ns.match(/../g) as string[], (h) => parseInt(h, 16));
  const nameBytes = new TextEncoder().encode(name);
  const all = new Uint8Array(nsBytes.length + nameBytes.length);
  all.set(nsBytes);
  all.set(nameBytes, nsBytes.length);
  const hash = sha1(all).slice(0, 16);
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of a list's column: stable per list key and internal name. */
export function fieldId(listKey: string, internalName: string): string {
  return uuidV5(`field:${listKey}:${internalName}`);
}

/** The id of a list view: stable per list key and view title. */
export function viewId(listKey: string, viewTitle: string): string {
  return uuidV5(`view:${listKey}:${viewTitle}`);
}
