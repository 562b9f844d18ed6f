/**
 * The few WHATWG globals the core uses. They exist in every runtime it runs in (browser,
 * worker, Node, Electron), but the core compiles without DOM or Node types on purpose.
 */
declare class URL {
  constructor(url: string, base?: string);
  hash: string;
  host: string;
  hostname: string;
  href: string;
  origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  username: string;
  toString(): string;
}
