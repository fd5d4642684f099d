// Publication dates: written dates in five languages, and the signals of an HTML page in order of strength.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Document } from '../src/model.js';
import { extract, isReject } from '../src/extract/index.js';
import { dayOrder, findDates, parseDate } from '../src/extract/dateparse.js';
import { pagePublicationDate } from '../src/extract/htmldates.js';
import { publisherRegion, regionalDay } from '../src/extract/localday.js';
import { dateFromUrl } from '../src/extract/metadata.js';
import { jsonLines, runCli, tempDir } from './helpers.js';

test('written dates in en/it/de/fr/es, ISO, all-number and CJK forms', () => {
  const cases: [string, string][] = [
    ['Washington, 30 settembre 2018 - Il presidente', '2018-09-30'],
    ['Posted Sep 29, 2018 at 10:00', '2018-09-29'],
    ['Berlin, 3. Mai 2018. Die Regierung', '2018-05-03'],
    ['Paris, le 4 mai 2018 –', '2018-05-04'],
    ['publié le 1er février 2019', '2019-02-01'],
    ['Madrid, 4 de mayo de 2018', '2018-05-04'],
    ['Sun, 11 Oct 2020 07:34:36 GMT', '2020-10-11'],
    ['04:25:06 PM IST Apr 08, 2020', '2020-04-08'],
    ['2020-12-05T23:15:00Z', '2020-12-05'],
    ['20201123T05:02:35Z', '2020-11-23'],
    ['2020/04/17 01:43:09', '2020-04-17'],
    ['2020年7月11日(土)', '2020-07-11'],
    ['17/03/2020', '2020-03-17'],
    ['Zürich, 12. März 2021', '2021-03-12'],
  ];
  for (const [text, date] of cases) assert.equal(parseDate(text), date, text);
  assert.equal(parseDate('31/02/2020'), null, 'no such day');
  assert.equal(parseDate('may be 5 or 2018'), null);
});

test('all-number dates read by the language habit unless a part is over 12', () => {
  assert.equal(dayOrder('en'), 'mdy');
  assert.equal(dayOrder('it-IT'), 'dmy');
  assert.equal(parseDate('05/04/2018', dayOrder('en')), '2018-05-04');
  assert.equal(parseDate('05/04/2018', dayOrder('fr')), '2018-04-05');
  assert.equal(parseDate('25/04/2018', 'mdy'), '2018-04-25');
  assert.deepEqual(findDates('from 1 May 2018 to 3 May 2018').map((d) => d.date), ['2018-05-01', '2018-05-03']);
});

test('URL dates: slashes, dashes and eight digits', () => {
  assert.equal(dateFromUrl('https://x.com/2019/04/15/story'), '2019-04-15');
  assert.equal(dateFromUrl('https://x.com/news/20201123/story'), '2020-11-23');
  assert.equal(dateFromUrl('https://x.com/news/12345678/story'), null);
});

const page = (head: string, body = ''): string => `<html lang="en"><head>${head}</head><body>${body}</body></html>`;

test('page date: publication meta beats modification, JSON-LD, <time>, URL and visible text', () => {
  const today = '2026-01-01';
  assert.deepEqual(
    pagePublicationDate(page('<meta property="article:modified_time" content="2020-05-03"><meta property="article:published_time" content="2020-05-01T10:00:00+02:00">'), null, { today }),
    { date: '2020-05-01', source: 'meta' },
  );
  assert.deepEqual(
    pagePublicationDate(page('<script type="application/ld+json">{"dateModified":"2020-06-02","datePublished":"Sun, 31 May 2020 07:34:36 GMT"}</script>'), null, { today }),
    { date: '2020-05-31', source: 'json-ld' },
  );
  assert.deepEqual(pagePublicationDate(page('', '<time datetime="2019-01-02" itemprop="dateModified"></time><time pubdate datetime="2019-01-01">x</time>'), null, { today }), { date: '2019-01-01', source: 'time-element' });
  assert.deepEqual(pagePublicationDate(page('', '<p>No date here.</p>'), 'https://a.b/2018/08/14/genoa', { today }), { date: '2018-08-14', source: 'url' });
  assert.deepEqual(pagePublicationDate(page('', '<h1>Headline</h1><div class="byline">By A. Writer · 14 agosto 2018</div><p>Text.</p>'), null, { today }), { date: '2018-08-14', source: 'text' });
  assert.equal(pagePublicationDate(page('<meta name="date" content="2031-01-01">'), null, { today }), null, 'a date after today is not plausible');
  assert.equal(pagePublicationDate(page('', '<span class="joinDate">Joined 20 Mar 2007</span><div class="date">10 Jul 2020</div>'), null, { today })?.date, '2020-07-10', 'a profile\'s join date is not the article\'s');
});

const LEAD = 'The government approved the budget plan overnight after a long meeting of the cabinet with the finance minister.';
const SECOND = 'Opposition parties criticised the deficit target and announced they would vote against the plan in parliament.';

function textDoc(text: string, lang?: string): Document {
  const doc = extract({ origin: 'page.txt', text, format: 'txt', meta: {}, warnings: [], lang });
  assert.ok(!isReject(doc));
  return doc;
}

test('datelines in the text of five languages are the date when nothing better exists, marked as from the text', () => {
  const cases: [string, string, string][] = [
    ['Washington, 30 settembre 2018 - Il governo ha approvato la manovra nella notte dopo una lunga riunione.', 'it', '2018-09-30'],
    ['Posted Sep 29, 2018', 'en', '2018-09-29'],
    ['BERLIN, 3. Mai 2018 - Die Regierung hat den Haushaltsplan in der Nacht nach langer Sitzung gebilligt.', 'de', '2018-05-03'],
    ['Paris, le 4 mai 2018 – Le gouvernement a adopté le budget dans la nuit après une longue réunion.', 'fr', '2018-05-04'],
    ['Madrid, 4 de mayo de 2018. El Gobierno aprobó los presupuestos tras una larga reunión nocturna.', 'es', '2018-05-04'],
    ['Updated 05/04/2018 10:30', 'en', '2018-05-04'],
    ['Mis à jour le 05/04/2018', 'fr', '2018-04-05'],
  ];
  for (const [line, lang, date] of cases) {
    const doc = textDoc(`Budget approved\n${line}\n${LEAD}\n${SECOND}\n`, lang);
    assert.equal(doc.published, date, line);
    assert.equal(doc.publishedSource, 'text');
  }
  const dated = extract({ origin: 'p.txt', text: `Posted Sep 29, 2018\n${LEAD}`, date: '2018-10-01', dateSource: 'date-line', format: 'txt', meta: {}, warnings: [] });
  assert.ok(!isReject(dated));
  assert.equal(dated.published, '2018-10-01', 'the date line wins over a date in the text');
  const comment = textDoc(`${LEAD}\n${SECOND}\nComments\nPosts: 74; Member since: 12 March 2011\n`, 'en');
  assert.equal(comment.published, null, 'a date in a comment thread is not the article date');
});

test('a text date is shown by export articles and article', () => {
  const dir = tempDir();
  const file = join(dir, 'page.txt');
  writeFileSync(file, `Budget approved\nMadrid, 4 de mayo de 2018. ${LEAD}\n${SECOND}\n`);
  const db = join(dir, 'd.db');
  assert.equal(runCli(['ingest', '--db', db, '--quiet', file]).status, 0);
  const [a] = jsonLines<{ published: string; published_source: string }>(runCli(['export', 'articles', '--db', db]).stdout);
  assert.deepEqual([a!.published, a!.published_source], ['2018-05-04', 'text']);
  assert.match(runCli(['article', file, '--db', db]).stdout, /2018-05-04 \(from text\)/);
});

test('a UTC stamp is dated on the day shown below the headline, when some time zone has the instant on that day', () => {
  const today = '2026-01-01';
  const body = (shown: string): string => `<h1>Council votes budget</h1><div class="meta"><span>${shown}</span></div><p>${LEAD}</p>`;
  const late = '<meta property="article:published_time" content="2019-03-09T23:40:0Z">';
  assert.deepEqual(pagePublicationDate(page(late, body('10 March 2019')), null, { today }), { date: '2019-03-10', source: 'text' }, 'seconds written with one digit');
  const noon = '<meta property="article:published_time" content="2019-03-10T12:30:00+00:00">';
  assert.deepEqual(pagePublicationDate(page(noon, body('Live updates 09/03/2019')), null, { today }), { date: '2019-03-10', source: 'meta' }, 'no zone has 12:30 UTC on the day before');
  const offset = '<meta property="article:published_time" content="2019-03-10T00:40:00+02:00">';
  assert.deepEqual(pagePublicationDate(page(offset, body('9 March 2019')), null, { today }), { date: '2019-03-10', source: 'meta' }, 'a stated offset keeps its wall-clock day');
});

test('a UTC stamp is dated on the day it falls on everywhere in the publisher\'s country', () => {
  const today = '2026-01-01';
  const stamp = (time: string): string => `<meta property="article:published_time" content="2019-03-10T${time}Z">`;
  const at = (lang: string, url: string | null, time = '02:15:00'): string | undefined =>
    pagePublicationDate(`<html lang="${lang}"><head>${stamp(time)}</head><body><p>${LEAD}</p></body></html>`, url, { today })?.date;
  assert.equal(at('fr', 'https://nouvelles.example.ca/article/1'), '2019-03-09', 'a Canadian domain: evening of the 9th in every Canadian zone');
  assert.equal(at('en-US', 'https://news.example.com/a/1'), '2019-03-09', 'a US language tag on a .com domain');
  assert.equal(at('en', 'https://news.example.com/a/1'), '2019-03-10', 'no country known: the UTC day');
  assert.equal(at('ru', 'https://example.ru/a/1', '21:30:00'), '2019-03-10', 'zones of a country that disagree on the day leave the UTC day');
  assert.equal(at('en', 'https://example.co/a/1'), '2019-03-10', 'a country domain sold for its letters places no publisher');
  assert.equal(at('en', 'https://example.com.au/a/1'), '2019-03-10', 'Australia is already on the 10th');
  const pseudo = `<html lang="ar"><head>${stamp('02:15:00')}<meta property="og:locale" content="ar_AR"></head><body><p>${LEAD}</p></body></html>`;
  assert.equal(pagePublicationDate(pseudo, 'https://example.net/a', { today })?.date, '2019-03-10', '"ar_AR" names a language, not Argentina');
  const timeOnly = page('', `<time datetime="2019-03-10T02:15:00Z">10 hours ago</time><p>${LEAD}</p>`);
  assert.deepEqual(pagePublicationDate(timeOnly, 'https://nouvelles.example.ca/article/1', { today }), { date: '2019-03-09', source: 'time-element' }, 'a <time> stamp too');
  assert.equal(publisherRegion('https://www.bbc.co.uk/news', []), 'GB');
  assert.equal(regionalDay(new Date('2019-03-10T02:15:00Z'), 'IT'), '2019-03-10');
});

test('a clock time without a zone defers to a same-day stamp that states its zone', () => {
  const today = '2026-01-01';
  const head = '<meta name="dc.date.created" content="2019-03-10|02h15"><script type="application/ld+json">{"datePublished":"2019-03-10T02:15:00.000Z"}</script>';
  assert.deepEqual(pagePublicationDate(page(head), 'https://radio.example.ca/nouvelle/1', { today }), { date: '2019-03-09', source: 'json-ld' });
  const dateOnly = '<meta name="dc.date.created" content="2019-03-10"><script type="application/ld+json">{"datePublished":"2019-03-10T02:15:00.000Z"}</script>';
  assert.deepEqual(pagePublicationDate(page(dateOnly), 'https://radio.example.ca/nouvelle/1', { today }), { date: '2019-03-10', source: 'meta' }, 'a bare day is already the publisher\'s');
});

test('below the headline, a date on a line of its own is the dateline; a date inside a caption sentence is not', () => {
  const today = '2026-01-01';
  const caption = '<div class="photo"><img src="a.jpg"><br>FILE PHOTO: The minister speaks to reporters outside the ministry in Rome, Italy, March 7, 2019. Photographer/Agency</div>';
  const html = page('', `<h1>Ministers meet on budget</h1>${caption}<p>March 9, 2019</p><p>${LEAD}</p>`);
  assert.deepEqual(pagePublicationDate(html, null, { today }), { date: '2019-03-09', source: 'text' });
  const inline = page('', `<h1>Ministers meet on budget</h1><p>ROME (Agency) - On March 7, 2019 the ministers met. ${LEAD}</p>`);
  assert.equal(pagePublicationDate(inline, null, { today })?.date, '2019-03-07', 'with no dateline, the first date still counts');
});

test('a wiki revision view is dated by its revision, the article itself by its creation', () => {
  const today = '2026-01-01';
  const html = page('<script type="application/ld+json">{"datePublished":"2006-02-01T10:00:00-08:00","dateModified":"2019-11-20T09:12:00-08:00"}</script>', `<p>${LEAD}</p>`);
  assert.equal(pagePublicationDate(html, 'https://wiki.example.org/index.php?title=Some_Actor&diff=1234&oldid=1200', { today })?.date, '2019-11-20');
  assert.equal(pagePublicationDate(html, 'https://wiki.example.org/index.php?title=Some_Actor&oldid=1200', { today })?.date, '2019-11-20');
  assert.equal(pagePublicationDate(html, 'https://wiki.example.org/wiki/Some_Actor', { today })?.date, '2006-02-01');
});

test('a post marked with a Unix time is dated by that instant, not by a zone-less clock in its tooltip', () => {
  const today = '2026-01-01';
  const post = (attrs: string): string => page('', `<h1>Agency post</h1><a class="post-timestamp" title="11:25 PM - 10 Jul 2020"><span class="_timestamp" ${attrs}>Jul 10</span></a><p>${LEAD}</p>`);
  assert.deepEqual(pagePublicationDate(post('data-time="1594448702"'), null, { today }), { date: '2020-07-11', source: 'time-element' });
  assert.deepEqual(pagePublicationDate(post('data-time-ms="1594448702000"'), null, { today }), { date: '2020-07-11', source: 'time-element' });
  assert.equal(pagePublicationDate(post('data-time="15944"'), null, { today })?.date, '2020-07-10', 'too few digits for a Unix time: the tooltip stands');
});

test('build stamps in the addresses a page loads are not its date', () => {
  const today = '2026-01-01';
  const assets = '<link rel="stylesheet" href="//cdn.example.org/assets/global_20200420T1718/site.css"><script src="/build_20200420/app.js"></script>';
  assert.equal(pagePublicationDate(page(assets, `<p>${LEAD}</p>`), null, { today }), null);
  const inScript = `${assets}<script>showDate("2019/11/05 01:43:09");</script>`;
  assert.equal(pagePublicationDate(page(inScript, `<p>${LEAD}</p>`), null, { today })?.date, '2019-11-05', 'a date a script prints is still the last resort');
  const cached = `${assets}<!-- served from cache 2019-11-05 21:36:31 -->`;
  assert.equal(pagePublicationDate(page(cached, `<p>${LEAD}</p>`), null, { today })?.date, '2019-11-05', 'so is a cache stamp in a comment');
});

test("a script's keyed field dates some record, not the page, unless it names the publication", () => {
  const today = '2026-01-01';
  const record = '<script>var licence = {"oclc": "MYG", "createTime": "2008-02-02T03:02:36.000+0000", "assets": "/view_20200409T1630/"};</script>';
  assert.equal(pagePublicationDate(page(record, `<p>${LEAD}</p>`), null, { today }), null);
  const published = '<script>var story = {"id": 7, "datePublished": "2019-11-05T08:00:00Z"};</script>';
  assert.equal(pagePublicationDate(page(published, `<p>${LEAD}</p>`), null, { today })?.date, '2019-11-05');
});

test('a page whose body is not in its markup keeps the standfirst its summary repeats, with a warning', () => {
  const standfirst = `${LEAD} ${SECOND}`;
  const html = `<html><head><title>Budget approved</title><meta name="description" content="${standfirst.slice(0, 150)}"></head><body>`
    + `<header class="story-header"><h1>Budget approved</h1><p>${standfirst}</p></header><div id="live-updates"></div>`
    + `<aside class="comments"><p>Choose one of the topics below to open a discussion group. ${SECOND}</p><p>As the founder of a new group you moderate it; the editors may step in at any time. ${LEAD}</p></aside>`
    + '<footer><p>All rights reserved. Example Media 2020.</p></footer></body></html>';
  const doc = extract({ origin: 'live.html', html, format: 'html', meta: {}, warnings: [] });
  assert.ok(!isReject(doc), 'kept as an article');
  assert.equal(doc.text, standfirst);
  assert.ok(doc.blocks.some((b) => b.kept && b.reason.startsWith('standfirst')));
  assert.ok(doc.warnings.some((w) => w.includes('standfirst')));
  const unrelated = html.replace(/content="[^"]*"/, `content="${SECOND}"`);
  assert.ok(isReject(extract({ origin: 'live.html', html: unrelated, format: 'html', meta: {}, warnings: [] })), 'a summary that is not on the page keeps nothing');
});

test("the date in a site's banner is today's, not the article's: the byline below the headline wins", () => {
  const today = '2026-01-01';
  const banner = '<header><div class="logo">Pacific Wire</div><span class="date">Tue, 14 Jan 2020</span></header>';
  const body = `<h2>Firefighters contain the blaze</h2><p>Wire desk<br>13 Jan 2020, 22:11 GMT+10</p><p>${LEAD}</p>`;
  assert.deepEqual(pagePublicationDate(page('', banner + body), null, { today }), { date: '2020-01-13', source: 'text' });
  const articleHeader = `<article><header><h1>Firefighters contain the blaze</h1><span class="date">13 Jan 2020</span></header><p>${LEAD}</p></article>`;
  assert.equal(pagePublicationDate(page('', articleHeader), null, { today })?.date, '2020-01-13', "an article's own header keeps its date");
  const unclosed = `<header><div class="logo">Pacific Wire</div><nav>menu</header><div class="byline"><span class="date">13 Jan 2020</span></div><p>${LEAD}</p>`;
  assert.equal(pagePublicationDate(page('', unclosed), null, { today })?.date, '2020-01-13', 'a banner closed over unclosed children ends with them');
});
