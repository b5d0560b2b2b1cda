// The contrast of an element's text against what is behind it, as WCAG 1.4.3 measures it.
// Playwright evaluates this in the page (tests/link_states.py): axe-core measures
// only the resting state, so a colour that links take on :hover or :focus goes unchecked.
// Waits until the page's CSS transitions end (Material fades colours in over 0.25s).
// Returns null for a disabled control or an element a learner cannot see (a visually
// hidden input whose label shows its state), else {ratio, needed, fg, bg, text}: `needed`
// is 3 for large text (24px, or 18.66px bold) and icons, else 4.5.
async (element) => {
  const transitions = document.getAnimations().filter((a) => a instanceof CSSTransition);
  await Promise.all(transitions.map((transition) => transition.finished.catch(() => null)));
  const box = element.getBoundingClientRect();
  // Inactive controls are exempt from 1.4.3, as is what a learner cannot see.
  const hidden = box.width * box.height < 4 || !element.checkVisibility();
  if (hidden || element.matches(":disabled")) {
    return null;
  }
  const parse = (value) => {
    const match = value.match(/rgba?\(([^)]+)\)/);
    if (!match) return null;
    const [r, g, b, a = 1] = match[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const channel = (value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  // Every background from the root down to the element. An ancestor's opacity fades its
  // whole subtree over what lies behind it: a layer's alpha is multiplied by the opacity
  // of its own element and of every ancestor, the text's by all of them.
  const chain = [];
  for (let node = element; node; node = node.parentElement) chain.unshift(node);
  let opacity = 1;
  let bg = { r: 255, g: 255, b: 255, a: 1 }; // the canvas of a page with no scheme set
  for (const node of chain) {
    const computed = getComputedStyle(node);
    opacity *= Number(computed.opacity);
    const background = parse(computed.backgroundColor);
    if (background && background.a > 0) bg = over({ ...background, a: background.a * opacity }, bg);
  }
  const style = getComputedStyle(element);
  const color = parse(style.color);
  const fg = over({ ...color, a: color.a * opacity }, bg);
  const [light, dark] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  // An icon without text (the logo, the search button) is a graphic: 3:1 (WCAG 1.4.11).
  const icon = !(element.innerText || element.value || "").trim();
  const hex = ({ r, g, b }) =>
    "#" + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");
  return {
    ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100,
    needed: large || icon ? 3 : 4.5,
    fg: hex(fg),
    bg: hex(bg),
    text: (element.textContent || element.getAttribute("aria-label") || "").trim().slice(0, 60),
  };
}
