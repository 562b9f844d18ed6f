export interface AppManifest {
  name: string;
  productName: string;
  version: string;
  description: string;
  author: string;
  license: string;
  main: string;
}
export function appManifest(pkg: Record<string, unknown>): AppManifest;
