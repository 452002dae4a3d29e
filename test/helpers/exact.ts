/**
 * Values written so that two engines' results compare bit for bit: every number as the 16 hex
 * digits of its IEEE 754 double (so -0, NaN and the last bit differ), strings, booleans, null and
 * undefined tagged, arrays and plain objects walked; a class instance keeps its prototype's getters
 * (as Office's InvocationContext has them), a callback returning nothing is one again. Each function is self-contained: its source is
 * sent into the browsers as it is (test/engines), so it uses nothing from outside itself.
 */
export type Exact = string | Exact[] | { [key: string]: Exact };

/** `v` as an Exact, or the string "!unrecordable" inside it for a value that cannot cross into a page (a class instance, a function). */
export function encodeExact(v: unknown): Exact {
  const enc = (x: unknown): Exact => {
    if (typeof x === "number") {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, x);
      let hex = "";
      for (let i = 0; i < 8; i++) hex += view.getUint8(i).toString(16).padStart(2, "0");
      return `n:${hex}`;
    }
    if (typeof x === "string") return `s:${x}`;
    if (typeof x === "boolean") return `b:${x}`;
    if (x === null) return "null";
    if (x === undefined) return "undefined";
    if (Array.isArray(x)) return x.map(enc);
    if (typeof x === "object") {
      const proto = Object.getPrototypeOf(x);
      // A thrown CustomFunctions.Error, as the loaders return it: { error, message }.
      if (proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null) {
        const out: { [key: string]: Exact } = {};
        for (const k of Object.keys(x)) out[k] = enc((x as Record<string, unknown>)[k]);
        return out;
      }
      // A class instance (Office's InvocationContext): its own properties, and its prototype's getters as values.
      if (Object.getPrototypeOf(Object.getPrototypeOf(proto)) === null) {
        const own: { [key: string]: Exact } = {};
        for (const k of Object.keys(x)) own[k] = enc((x as Record<string, unknown>)[k]);
        const getters: { [key: string]: Exact } = {};
        for (const k of Object.getOwnPropertyNames(proto))
          if (Object.getOwnPropertyDescriptor(proto, k)?.get) getters[k] = enc((x as Record<string, unknown>)[k]);
        return { "!own": own, "!getters": getters };
      }
    }
    // A callback that returns nothing (a streaming Invocation's setResult).
    if (typeof x === "function" && String(x).replace(/\s/g, "") === "()=>undefined") return "f:undefined";
    return "!unrecordable";
  };
  return enc(v);
}

/** The value an Exact was made from. */
export function decodeExact(e: Exact): unknown {
  const dec = (x: Exact): unknown => {
    if (Array.isArray(x)) return x.map(dec);
    if (typeof x === "object" && "!own" in x && "!getters" in x) {
      const proto: object = {};
      const getters = x["!getters"] as { [key: string]: Exact };
      for (const k of Object.keys(getters)) {
        const value = dec(getters[k]);
        Object.defineProperty(proto, k, { get: () => value, enumerable: false });
      }
      return Object.assign(Object.create(proto) as object, dec(x["!own"]));
    }
    if (typeof x === "object") {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(x)) out[k] = dec(x[k]);
      return out;
    }
    if (x.startsWith("n:")) {
      const view = new DataView(new ArrayBuffer(8));
      for (let i = 0; i < 8; i++) view.setUint8(i, parseInt(x.slice(2 + 2 * i, 4 + 2 * i), 16));
      return view.getFloat64(0);
    }
    if (x.startsWith("s:")) return x.slice(2);
    if (x.startsWith("b:")) return x === "b:true";
    if (x === "null") return null;
    if (x === "undefined") return undefined;
    if (x === "f:undefined") return () => undefined;
    throw new Error(`not an exact value: ${x.slice(0, 40)}`);
  };
  return dec(e);
}
