// Boilerplate rules: how a rule's pattern is grouped must not change what it matches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boilerplateReason, isStartAnchored } from '../src/extract/rules.js';

test('a pattern is start-anchored only when no alternative outside a group escapes its ^', () => {
  assert.equal(isStartAnchored('^by (the|a) writer$'), true);
  assert.equal(isStartAnchored('^\\(?(afp|ap)\\)?$'), true, 'escaped parentheses do not open a group');
  assert.equal(isStartAnchored('^[|(]x'), true, 'a bar or parenthesis in a character class is a character');
  assert.equal(isStartAnchored('^a|b'), false, 'the second alternative may match anywhere');
  assert.equal(isStartAnchored('nous utilisons des cookies'), false);
});

test('anchored and floating rules of a reason both still match', () => {
  assert.equal(boilerplateReason('We use cookies to improve your experience.'), 'cookie');
  assert.equal(boilerplateReason('Sur ce site, nous utilisons des cookies pour mesurer l’audience.'), 'cookie');
  assert.equal(boilerplateReason('© 2018 Example Media. All rights reserved.'), 'copyright');
  assert.equal(boilerplateReason('The minister said the cookies were shared among the delegates.'), null);
});
