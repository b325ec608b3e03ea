import { markdownToHtml } from './markdown';

describe('markdownToHtml', () => {
  it('renders paragraphs, a list and inline markup', () => {
    const md =
      'Add a **KYC** check.\nSecond line.\n\n* [BANK_ID](/glossary#Bank.bank_id): gh.29.uk\n* `code` and *it*\n\nAuthentication is Mandatory';
    expect(markdownToHtml(md)).toBe(
      '<p>Add a <strong>KYC</strong> check. Second line.</p>' +
        '<ul><li><a href="/glossary#Bank.bank_id">BANK_ID</a>: gh.29.uk</li><li><code>code</code> and <em>it</em></li></ul>' +
        '<p>Authentication is Mandatory</p>',
    );
  });

  it('escapes HTML in text, code and link labels', () => {
    expect(markdownToHtml('<script>alert("x")</script> & `<b>` [<i>](/x)')).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <code>&lt;b&gt;</code> <a href="/x">&lt;i&gt;</a></p>',
    );
  });

  it('drops link targets that are not http(s), relative or anchors', () => {
    expect(markdownToHtml('[click](javascript:alert%281%29) [ok](https://example.com/a?b=1)')).toBe(
      '<p>click <a href="https://example.com/a?b=1">ok</a></p>',
    );
  });

  it('renders headings, numbered lists and fenced code without interpreting it', () => {
    expect(markdownToHtml('# Title\n\n1. one\n2. two\n\n```\n**not bold** <x>\n```')).toBe(
      '<h1>Title</h1><ol><li>one</li><li>two</li></ol><pre><code>**not bold** &lt;x&gt;</code></pre>',
    );
  });

  it('keeps underscores and lone asterisks as text', () => {
    expect(markdownToHtml('customer_id and 2 * 3 = 6')).toBe('<p>customer_id and 2 * 3 = 6</p>');
  });

  it('never produces crossing tags', () => {
    expect(markdownToHtml('**a *b** c*')).toBe('<p><strong>a *b</strong> c*</p>');
  });
});
