// Bundle the Dataverse web resources (TypeScript → one IIFE script each, texts per area and language) with
// esbuild: scripts/dynamics/webresources.ts. The form script's handler is `NavSync.ContactForm.onLoad`; the
// settings page script exposes `NavSync.Settings`.
import { runTs } from '../dynamics/tsx.mjs';

process.exit(runTs('scripts/dynamics/webresources.ts'));
