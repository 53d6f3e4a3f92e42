// ECharts, loaded only when a screen draws a chart. Tooltips render as rich text on the canvas,
// never as HTML assembled from data; the chart describes itself to screen readers (aria).
import { html, useRef, useEffect } from './lib.js';
import { language } from './i18n.js';

let loading;
function echarts() {
  loading ??= import('echarts');
  return loading;
}

export function Chart({ option, deps, label, tall, testid }) {
  const ref = useRef(null);
  useEffect(() => {
    let chart;
    let live = true;
    const resize = () => chart?.resize();
    echarts().then(lib => {
      if (!live || !ref.current) return;
      chart = lib.init(ref.current, null, { renderer: 'canvas', locale: language() === 'en' ? 'EN' : 'ZH' });
      // drawn: after the animation, once (a test or a screenshot waits for it)
      chart.on('finished', () => {
        if (!ref.current || ref.current.dataset.rendered) return;
        ref.current.dataset.rendered = 'true';
        // for bench/console.sh: when each chart of a screen was first drawn, on the page's own clock
        performance.mark(`qc:chart:${testid || 'chart'}`);
      });
      chart.setOption({
        aria: { enabled: true },
        animationDuration: 300,
        textStyle: { fontFamily: getComputedStyle(document.documentElement).fontFamily },
        ...option,
        tooltip: { trigger: 'axis', ...option.tooltip, renderMode: 'richText' },
      });
      addEventListener('resize', resize);
    });
    return () => { live = false; removeEventListener('resize', resize); chart?.dispose(); };
  }, deps);
  return html`<div class=${tall ? 'chart tall' : 'chart'} ref=${ref} role="img" aria-label=${label} data-testid=${testid}></div>`;
}
