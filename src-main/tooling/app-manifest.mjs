// The package.json that ships inside the desktop app (dist/package.json). Everything the app
// runs is bundled into dist/, so it names no dependencies at all: electron-builder then packs
// dist/ alone, with no node_modules, no sources and no dev tooling.

/** The shipped manifest, derived from the project's package.json. */
export function appManifest(pkg) {
  return {
    name: pkg.name,
    productName: pkg.productName,
    version: pkg.version,
    description: pkg.description,
    author: pkg.author ?? 'Campaign Studio contributors',
    license: pkg.license ?? 'UNLICENSED',
    main: 'main/electron-main.cjs',
  };
}
