// Entry of the browser build: synthetic shadow first (the base components expect it), then every NavSync LWC,
// mounted by the test through window.__navsyncMount. Toasts the components raise are recorded as calls.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import EmbeddedProfile from 'c/embeddedProfile';
import CrmBadge from 'c/crmBadge';
import TestWriteBack from 'c/testWriteBack';
import NavsyncAdmin from 'c/navsyncAdmin';
import SeatManager from 'c/seatManager';

const COMPONENTS = {
  'c-embedded-profile': EmbeddedProfile,
  'c-crm-badge': CrmBadge,
  'c-test-write-back': TestWriteBack,
  'c-navsync-admin': NavsyncAdmin,
  'c-seat-manager': SeatManager,
};

document.addEventListener('lightning__showtoast', (e) => {
  globalThis.__navsync.calls.push({ name: 'toast', args: e.detail });
});

globalThis.__navsyncMount = (tag, props) => {
  const root = document.getElementById('root');
  while (root.firstChild) {
    root.removeChild(root.firstChild);
  }
  const element = createElement(tag, { is: COMPONENTS[tag] });
  Object.assign(element, props || {});
  root.appendChild(element);
};

/** Every shadow root of the mounted components: the synthetic shadow hides their elements from document queries. */
globalThis.__navsyncRoots = () => {
  const roots = [];
  const walk = (root) => {
    roots.push(root);
    root.querySelectorAll('*').forEach((el) => {
      if (el.shadowRoot) {
        walk(el.shadowRoot);
      }
    });
  };
  walk(document.getElementById('root'));
  return roots;
};
