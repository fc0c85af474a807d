/* global window */
// Measures candidate charting approaches for the HTML report (README, "HTML report"): one
// scatter of 10,000 points and a 40-bin histogram per approach, as a self-contained page;
// file size and time to the second animation frame in Debian's chromium, median of 5.
// The libraries are not the project's: install them in a scratch directory first,
//   mkdir /tmp/charts && cd /tmp/charts && npm init -y && \
//     npm install uplot@1.6.32 @observablehq/plot@0.6.17 d3@7 vega@6 vega-lite@6.5.0 vega-embed@7.3.0
// then run `CHARTS_DIR=/tmp/charts node bench/html-charts.mjs`.

import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const dir = process.env.CHARTS_DIR ?? '/tmp/charts';
const nm = dir + '/node_modules/';
const N = 10000;
let s = 1;
const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
const base = [],
  cand = [];
for (let i = 0; i < N; i++) {
  const b = rnd();
  base.push(+b.toFixed(4));
  cand.push(+Math.min(1, Math.max(0, b + (rnd() - 0.52) * 0.2)).toFixed(4));
}
const deltas = cand.map((c, i) => +(c - base[i]).toFixed(4));
const done = `requestAnimationFrame(()=>requestAnimationFrame(()=>{window.__done=performance.now()}))`;
const W = 480,
  H = 320;
function bins(d, k = 40) {
  const lo = Math.min(...d),
    hi = Math.max(...d),
    w = (hi - lo) / k;
  const c = new Array(k).fill(0);
  for (const x of d) c[Math.min(k - 1, Math.floor((x - lo) / w))]++;
  return { lo, w, c };
}
const inline = (f) => readFileSync(nm + f, 'utf8').replace(/<\/script/gi, '<\\/script');
const pages = {
  svg() {
    const pts = base
      .map(
        (b, i) =>
          `<circle cx="${(20 + b * (W - 40)).toFixed(1)}" cy="${(H - 20 - cand[i] * (H - 40)).toFixed(1)}" r="2"/>`,
      )
      .join('');
    const h = bins(deltas);
    const mx = Math.max(...h.c);
    const bars = h.c
      .map(
        (c, i) =>
          `<rect x="${20 + i * 11}" y="${(H - 20 - (c / mx) * (H - 40)).toFixed(1)}" width="10" height="${((c / mx) * (H - 40)).toFixed(1)}"/>`,
      )
      .join('');
    return `<!doctype html><html><body><svg width="${W}" height="${H}" fill="#0072B2" fill-opacity="0.4">${pts}</svg><svg width="${W}" height="${H}" fill="#0072B2">${bars}</svg><script>${done}</script></body></html>`;
  },
  svgpath() {
    const d = base
      .map(
        (b, i) =>
          `M${(20 + b * (W - 40)).toFixed(1)} ${(H - 20 - cand[i] * (H - 40)).toFixed(1)}h0`,
      )
      .join('');
    return pages
      .svg()
      .replace(
        /<svg width="480" height="320" fill="#0072B2" fill-opacity="0.4">.*?<\/svg>/,
        `<svg width="${W}" height="${H}"><path d="${d}" stroke="#0072B2" stroke-opacity="0.5" stroke-width="4" stroke-linecap="round"/></svg>`,
      );
  },
  uplot() {
    const order = base.map((b, i) => i).sort((a, b) => base[a] - base[b]);
    const xs = order.map((i) => base[i]),
      ys = order.map((i) => cand[i]);
    const h = bins(deltas);
    return `<!doctype html><html><head><style>${readFileSync(nm + 'uplot/dist/uPlot.min.css', 'utf8')}</style></head><body><div id=a></div><div id=b></div><script>${inline('uplot/dist/uPlot.iife.min.js')}</script><script>
const xs=${JSON.stringify(xs)},ys=${JSON.stringify(ys)};
new uPlot({width:${W},height:${H},mode:1,scales:{x:{time:false}},series:[{},{stroke:'#0072B2',paths:()=>null,points:{show:true,size:4,fill:'#0072B2'}}]},[xs,ys],document.getElementById('a'));
const hc=${JSON.stringify(h.c)};new uPlot({width:${W},height:${H},scales:{x:{time:false}},series:[{},{fill:'#0072B2',paths:uPlot.paths.bars({size:[0.9]})}]},[hc.map((_,i)=>${h.lo}+i*${h.w}),hc],document.getElementById('b'));
${done}</script></body></html>`;
  },
  plot() {
    return `<!doctype html><html><body><div id=a></div><script>${inline('d3/dist/d3.min.js')}</script><script>${inline('@observablehq/plot/dist/plot.umd.min.js')}</script><script>
const b=${JSON.stringify(base)},c=${JSON.stringify(cand)},d=${JSON.stringify(deltas)};
const pts=b.map((x,i)=>({b:x,c:c[i]}));
document.getElementById('a').append(Plot.plot({width:${W},height:${H},marks:[Plot.dot(pts,{x:'b',y:'c',r:2,fill:'#0072B2',fillOpacity:0.4})]}));
document.getElementById('a').append(Plot.plot({width:${W},height:${H},marks:[Plot.rectY(d,Plot.binX({y:'count'},{x:d=>d,thresholds:40,fill:'#0072B2'}))]}));
${done}</script></body></html>`;
  },
  vegalite() {
    return `<!doctype html><html><body><div id=a></div><div id=b></div><script>${inline('vega/build/vega.min.js')}</script><script>${inline('vega-lite/build/vega-lite.min.js')}</script><script>${inline('vega-embed/build/vega-embed.min.js')}</script><script>
const b=${JSON.stringify(base)},c=${JSON.stringify(cand)},d=${JSON.stringify(deltas)};
const vals=b.map((x,i)=>({b:x,c:c[i],d:d[i]}));
Promise.all([
vegaEmbed('#a',{width:${W},height:${H},data:{values:vals},mark:{type:'circle',size:8,opacity:0.4},encoding:{x:{field:'b',type:'quantitative'},y:{field:'c',type:'quantitative'}}},{actions:false,renderer:'svg'}),
vegaEmbed('#b',{width:${W},height:${H},data:{values:vals},mark:'bar',encoding:{x:{field:'d',bin:{maxbins:40}},y:{aggregate:'count'}}},{actions:false,renderer:'svg'})
]).then(()=>{${done}});</script></body></html>`;
  },
  vegalite_canvas() {
    return pages.vegalite().replace(/renderer:'svg'/g, "renderer:'canvas'");
  },
};
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const rows = [];
for (const [name, make] of Object.entries(pages)) {
  const file = `${dir}/${name}.html`;
  writeFileSync(file, make());
  const times = [];
  const errors = [];
  for (let r = 0; r < 5; r++) {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('file://' + file);
    await page.waitForFunction(() => window.__done !== undefined, null, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__done));
    await page.close();
  }
  times.sort((a, b) => a - b);
  rows.push({
    name,
    bytes: statSync(file).size,
    medianMs: Math.round(times[2]),
    minMs: Math.round(times[0]),
    errors: errors.slice(0, 2),
  });
}
await browser.close();
console.table(rows);
