// Bundles src/ into dist/ with esbuild: one script and one stylesheet with
// content-hashed names under dist/assets/, and dist/index.html pointing at
// them. The Go package embeds dist/, so the service needs no CDN and works
// offline.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, rmSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

const dist = 'dist';
// Keep the committed placeholder (dist/.gitkeep) so `go build` works on a
// fresh clone; everything else in dist/ is build output.
mkdirSync(dist, { recursive: true });
for (const f of readdirSync(dist)) {
  if (f !== '.gitkeep') rmSync(path.join(dist, f), { recursive: true, force: true });
}

const result = await esbuild.build({
  entryPoints: ['src/main.js'],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['es2020'],
  outdir: path.join(dist, 'assets'),
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'linked',
  logLevel: 'info',
});

let js = '', css = '';
for (const [out, meta] of Object.entries(result.metafile.outputs)) {
  if (!meta.entryPoint && !out.endsWith('.css')) continue;
  const url = '/' + path.relative(dist, out).split(path.sep).join('/');
  if (out.endsWith('.js')) js = url;
  if (out.endsWith('.css')) css = url;
}
if (!js || !css) throw new Error(`build: missing outputs (js=${js}, css=${css})`);
const html = readFileSync('src/index.html', 'utf8').replace('{{CSS}}', css).replace('{{JS}}', js);
writeFileSync(path.join(dist, 'index.html'), html);
console.log(`explorer: ${js} ${css}`);
