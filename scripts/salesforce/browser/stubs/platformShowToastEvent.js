// lightning/platformShowToastEvent: the event the Lightning shell turns into a toast; the page records each one.
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', { composed: true, cancelable: true, bubbles: true, detail: toast });
  }
}
