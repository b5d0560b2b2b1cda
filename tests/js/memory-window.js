// A browser window for leerpad-storage.js under Node: localStorage kept in a Map, and
// `fire(key)` to play another tab's write (the "storage" event). Not a test file itself.
"use strict";

function memoryWindow(initial) {
  const items = new Map(Object.entries(initial || {}));
  const listeners = [];
  const localStorage = {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => { items.set(k, String(v)); },
    removeItem: (k) => { items.delete(k); },
    key: (i) => Array.from(items.keys())[i] ?? null,
    get length() { return items.size; },
  };
  return {
    items, localStorage,
    addEventListener: (type, listener) => { if (type === "storage") listeners.push(listener); },
    fire: (key) => listeners.forEach((listener) => listener({ key: key })),
  };
}

module.exports = { memoryWindow };
