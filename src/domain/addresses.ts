/**
 * A source address as reports and logs may show it: an http(s) address without its user,
 * password, query string or fragment (where signatures and tokens travel). Other addresses
 * (s3://bucket/key, file names) are kept as they are.
 */
export function publicAddress(address: string): string {
  if (!/^https?:\/\//i.test(address)) return address;
  try {
    const url = new URL(address);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    // Not parseable: keep the part before any credentials, query or fragment could start.
    return address.replace(/^(https?:\/\/)[^/]*@/i, '$1').replace(/[?#].*$/, '');
  }
}
