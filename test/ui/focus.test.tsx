import { focusPage } from '../../src/ui/components/focus';

describe('moving focus to a page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('focuses the page element when no modal dialog holds focus', () => {
    document.body.innerHTML = '<main tabindex="-1" id="main"></main><button id="other">Other</button>';
    (document.getElementById('other') as HTMLButtonElement).focus();
    focusPage(document.getElementById('main'));
    expect(document.activeElement?.id).toBe('main');
  });

  it('leaves focus in an open modal dialog', () => {
    document.body.innerHTML =
      '<main tabindex="-1" id="main"></main><div role="dialog" aria-modal="true"><button id="confirm">Discard</button></div>';
    (document.getElementById('confirm') as HTMLButtonElement).focus();
    focusPage(document.getElementById('main'));
    expect(document.activeElement?.id).toBe('confirm');
  });

  it('does nothing without an element', () => {
    document.body.innerHTML = '<button id="other">Other</button>';
    (document.getElementById('other') as HTMLButtonElement).focus();
    focusPage(null);
    expect(document.activeElement?.id).toBe('other');
  });
});
