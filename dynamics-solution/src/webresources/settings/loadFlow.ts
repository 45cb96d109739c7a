import type { DataValidationFlow } from '../dataValidation/flow';

/**
 * Loads the data validation flow's script, once, from beside the page (web resources keep their relative paths,
 * version prefix included, as settings.html relies on for settings.js).
 */
export function scriptFlow(doc: Document, src = 'dataValidation.js'): () => Promise<DataValidationFlow> {
  let loading: Promise<DataValidationFlow> | null = null;
  const load = () =>
    new Promise<DataValidationFlow>((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = src;
      script.onload = () => {
        const global = (doc.defaultView as unknown as { NavSync?: { DataValidation?: { flow?: DataValidationFlow } } })
          .NavSync?.DataValidation?.flow;
        if (global) resolve(global);
        else reject(new Error(`${src} did not define NavSync.DataValidation`));
      };
      script.onerror = () => {
        loading = null; // a later attempt tries again
        reject(new TypeError(`${src} could not be loaded`));
      };
      doc.head.append(script);
    });
  return () => (loading ??= load());
}
