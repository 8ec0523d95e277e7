"""Relation rules: every predicate, positive, negated, conditional and passive.
Frame and modality rules are tested on Docs built by hand (no model); the table of sentences
runs the real pinned pipeline once for all cases.
"""

import pytest

from conftest import analyse, parsed
from govgraph.model import Article
from govgraph.relations import compile_rules, extract_relations
from govgraph.rules import load_lexicon, load_relation_rules

# predicate, variant, sentence, and every reading the sentence must give, exactly:
# (predicate, subject, object, modality). A sentence with nothing asserted still has its readings
# ("did not fire" is a negated firing): reading a negation as a condition, or giving a reading that
# is not there, fails as surely as missing one. The first rows are frames (active, passive,
# nominal, posts); the grid after them puts each event predicate in each modality.
CASES = [
 ('fired', 'positive', 'Prime Minister John Smith fired Mary Jones on Monday.',
  {('fired', 'John Smith', 'Mary Jones', 'asserted'), ('holdsPosition', 'John Smith', None, 'asserted')}),
 ('fired', 'negated', 'John Smith did not fire Mary Jones.',
  {('fired', 'John Smith', 'Mary Jones', 'negated')}),
 ('fired', 'conditional', 'John Smith would fire Mary Jones if she stayed.',
  {('threatenedToFire', 'John Smith', 'Mary Jones', 'asserted')}),
 # a condition in a clause of its own, with no modal: "if", "unless", "or else"
 ('resigned', 'conditional-if', 'Mary Jones resigns if the report is published.',
  {('resigned', 'Mary Jones', None, 'conditional')}),
 ('appointed', 'conditional-unless', 'John Smith appoints Mary Jones unless the board objects.',
  {('appointed', 'John Smith', 'Mary Jones', 'conditional')}),
 ('fired', 'conditional-if', 'John Smith fires Mary Jones if she stays.',
  {('threatenedToFire', 'John Smith', 'Mary Jones', 'asserted')}),
 ('askedToResign', 'or-else', 'John Smith told Mary Jones to resign or else be fired.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'asserted'), ('resigned', 'Mary Jones', None, 'conditional')}),
 ('fired', 'passive', 'Mary Jones was sacked by John Smith.',
  {('fired', 'John Smith', 'Mary Jones', 'asserted')}),
 ('threatenedToFire', 'positive', 'John Smith threatened to fire Mary Jones.',
  {('fired', 'John Smith', 'Mary Jones', 'hedged'), ('threatenedToFire', 'John Smith', 'Mary Jones', 'asserted')}),
 ('threatenedToFire', 'negated', 'John Smith never threatened to sack Mary Jones.',
  {('fired', 'John Smith', 'Mary Jones', 'negated'), ('threatenedToFire', 'John Smith', 'Mary Jones', 'negated')}),
 ('threatenedToFire', 'conditional', 'John Smith would recommend the dismissal of Mary Jones.',
  {('threatenedToFire', 'John Smith', 'Mary Jones', 'asserted')}),
 ('threatenedToFire', 'passive', 'Mary Jones would be sacked by John Smith.',
  {('threatenedToFire', 'John Smith', 'Mary Jones', 'asserted')}),
 ('resigned', 'positive', 'Mary Jones resigned from the Senate on Friday.',
  {('resigned', 'Mary Jones', 'Senate', 'asserted')}),
 ('resigned', 'negated', 'Mary Jones did not resign.',
  {('refusedToResign', 'Mary Jones', None, 'asserted')}),
 ('resigned', 'conditional', 'Mary Jones would resign if the report was published.',
  {('resigned', 'Mary Jones', None, 'conditional')}),
 ('resigned', 'passive', "Mary Jones's resignation was accepted by John Smith.",
  {('resigned', 'Mary Jones', None, 'asserted')}),
 ('refusedToResign', 'positive', 'Mary Jones refused to resign.',
  {('refusedToResign', 'Mary Jones', None, 'asserted'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('refusedToResign', 'negated', 'Mary Jones will not step down, she said.',
  {('refusedToResign', 'Mary Jones', None, 'asserted')}),
 ('refusedToResign', 'conditional', 'Mary Jones would refuse to resign.',
  {('refusedToResign', 'Mary Jones', None, 'conditional'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('refusedToResign', 'passive', 'Mary Jones said she would not comply with the request to step down, which came from John Smith.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'asserted'), ('refusedToResign', 'Mary Jones', 'John Smith', 'asserted')}),
 ('askedToResign', 'positive', 'John Smith asked Mary Jones to resign.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'asserted'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('askedToResign', 'negated', 'John Smith did not ask Mary Jones to resign.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'negated'), ('resigned', 'Mary Jones', None, 'negated')}),
 ('askedToResign', 'conditional', 'John Smith would ask Mary Jones to step down.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'conditional'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('askedToResign', 'passive', 'Mary Jones was asked to resign by John Smith.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'asserted'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('askedToResign', 'nominal', "John Smith called for Mary Jones's resignation.",
  {('askedToResign', 'John Smith', 'Mary Jones', 'asserted')}),
 # "by X" hung on the "as" phrase's noun by the parser is still the passive's agent
 ('succeeded', 'passive-as-by', 'Mary Jones was replaced as party chairman by John Smith.',
  {('succeeded', 'John Smith', 'Mary Jones', 'asserted'), ('heldPosition', 'Mary Jones', None, 'asserted')}),
 ('appointed', 'running-mate', "John Smith's running mate, Mary Jones, spoke on Monday.",
  {('appointed', 'John Smith', 'Mary Jones', 'asserted')}),
 ('appointed', 'positive', 'John Smith appointed Mary Jones.',
  {('appointed', 'John Smith', 'Mary Jones', 'asserted')}),
 ('appointed', 'negated', 'John Smith did not appoint Mary Jones.',
  {('appointed', 'John Smith', 'Mary Jones', 'negated')}),
 ('appointed', 'conditional', 'John Smith would appoint Mary Jones.',
  {('appointed', 'John Smith', 'Mary Jones', 'conditional')}),
 ('appointed', 'passive', 'Mary Jones was appointed by John Smith.',
  {('appointed', 'John Smith', 'Mary Jones', 'asserted')}),
 ('succeeded', 'positive', 'Mary Jones replaced John Smith.',
  {('succeeded', 'Mary Jones', 'John Smith', 'asserted')}),
 ('succeeded', 'negated', 'Mary Jones did not replace John Smith.',
  {('succeeded', 'Mary Jones', 'John Smith', 'negated')}),
 ('succeeded', 'conditional', 'Mary Jones could replace John Smith.',
  {('succeeded', 'Mary Jones', 'John Smith', 'conditional')}),
 ('succeeded', 'passive', 'John Smith was replaced by Mary Jones.',
  {('succeeded', 'Mary Jones', 'John Smith', 'asserted')}),
 ('criticized', 'positive', 'John Smith criticised Mary Jones.',
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('criticized', 'negated', 'John Smith did not criticise Mary Jones.',
  {('criticized', 'John Smith', 'Mary Jones', 'negated')}),
 ('criticized', 'conditional', 'John Smith might attack Mary Jones.',
  {('criticized', 'John Smith', 'Mary Jones', 'conditional')}),
 ('criticized', 'passive', 'Mary Jones was attacked by John Smith.',
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', 'positive', 'John Smith backed Mary Jones.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', 'negated', 'John Smith did not back Mary Jones.',
  {('supported', 'John Smith', 'Mary Jones', 'negated')}),
 ('supported', 'conditional', 'John Smith would back Mary Jones.',
  {('supported', 'John Smith', 'Mary Jones', 'conditional')}),
 ('supported', 'passive', 'Mary Jones was defended by John Smith.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('metWith', 'positive', 'John Smith met Mary Jones in London.',
  {('metWith', 'John Smith', 'Mary Jones', 'asserted')}),
 ('metWith', 'negated', 'John Smith did not meet Mary Jones.',
  {('metWith', 'John Smith', 'Mary Jones', 'negated')}),
 ('metWith', 'conditional', 'John Smith will meet Mary Jones next week.',
  {('metWith', 'John Smith', 'Mary Jones', 'future')}),
 ('metWith', 'passive', 'Mary Jones was met by John Smith.',
  {('metWith', 'John Smith', 'Mary Jones', 'asserted')}),
 ('reportsTo', 'positive', 'Mary Jones reports to John Smith.',
  {('reportsTo', 'Mary Jones', 'John Smith', 'asserted')}),
 ('reportsTo', 'negated', 'Mary Jones does not report to John Smith.',
  {('reportsTo', 'Mary Jones', 'John Smith', 'negated')}),
 # a chamber's party members are a group of their own, not the party
 ('supported', 'group-of-a-chamber', 'House Democrats praised John Smith.',
  {('supported', 'House Democrats', 'John Smith', 'asserted')}),
 ('criticized', 'group-of-a-chamber', 'Senate Republicans criticized Mary Jones.',
  {('criticized', 'Senate Republicans', 'Mary Jones', 'asserted')}),
 # through a noun of quantity, "of" reaches the ones who act
 ('supported', 'quantity-of-a-group', 'John Smith won the support of dozens of Labour MPs.',
  {('supported', 'Labour MPs', 'John Smith', 'asserted')}),
 ('criticized', 'quantity-of-a-group', 'Mary Jones was criticised by a majority of Tory MPs.',
  {('criticized', 'Tory MPs', 'Mary Jones', 'asserted')}),
 # who acts "along with" the subject acts too, the phrase set on the subject or on the verb
 ('supported', 'along-with-the-subject', 'Mary Jones, along with Ann Lee, endorsed John Smith.',
  {('supported', 'Mary Jones', 'John Smith', 'asserted'), ('supported', 'Ann Lee', 'John Smith', 'asserted')}),
 ('supported', 'along-with-on-the-verb', 'Mary Jones endorsed John Smith on Monday, along with Ann Lee.',
  {('supported', 'Mary Jones', 'John Smith', 'asserted'), ('supported', 'Ann Lee', 'John Smith', 'asserted')}),
 # a person described by a party's noun is the person, not the party
 ('askedToResign', 'party-description', 'Sen. John Smith, D-Minn., apologized. Senate Democrats have urged '
  'the Minnesota Democrat to step down.',
  {('askedToResign', 'Senate Democrats', 'John Smith', 'asserted'), ('resigned', 'John Smith', 'Senate', 'hedged'),
   ('holdsPosition', 'John Smith', 'Senate', 'asserted'), ('memberOf', 'John Smith', 'Democratic Party', 'asserted')}),
 # a plural trigger noun is read by its lemma; people named by a plural noun are no one who acts
 ('criticized', 'plural-noun', "Mary Jones's attacks on John Smith continued.",
  {('criticized', 'Mary Jones', 'John Smith', 'asserted')}),
 ('supported', 'plural-noun-received', 'John Smith received endorsements from Mary Jones and Ann Lee.',
  {('supported', 'Mary Jones', 'John Smith', 'asserted'), ('supported', 'Ann Lee', 'John Smith', 'asserted')}),
 ('supported', 'plural-agent-noun', 'John Smith told Labour supporters he was back.', set()),
 # who responds to attacks did not make them; who is on the attack makes it
 ('criticized', 'responded-to', 'Mary Jones responded to the attacks on John Smith.', set()),
 ('criticized', 'on-the-attack', 'Mary Jones went on the attack against John Smith.',
  {('criticized', 'Mary Jones', 'John Smith', 'asserted')}),
 # an arm acts for what it is an arm of
 ('supported', 'arms-of', 'Ann Lee has the support of the political arms of the Labour Party and the Green Party.',
  {('supported', 'Labour Party', 'Ann Lee', 'asserted'), ('supported', 'Green Party of England and Wales', 'Ann Lee', 'asserted')}),
 ('supported', 'along-with-a-list', 'Mary Jones endorsed John Smith, along with Ann Lee, Jane Doe and Tom Roe.',
  {('supported', 'Mary Jones', 'John Smith', 'asserted'), ('supported', 'Ann Lee', 'John Smith', 'asserted'),
   ('supported', 'Jane Doe', 'John Smith', 'asserted'), ('supported', 'Tom Roe', 'John Smith', 'asserted')}),
 # how well someone did, reported: the object of "do"/"make" judges its subject
 ('supported', 'reported-performance', 'Mary Jones said John Smith had done a fantastic job.',
  {('supported', 'Mary Jones', 'John Smith', 'asserted')}),
 ('criticized', 'reported-performance', 'Mary Jones said John Smith made a terrible mistake.',
  {('criticized', 'Mary Jones', 'John Smith', 'asserted')}),
 ('criticized', 'reported-neutral-performance', 'Mary Jones said John Smith made a speech.', set()),
 # misconduct alleged: what the reported clause's subject did
 ('criticized', 'misconduct-alleged', 'Mary Jones says John Smith groped her during a tour.',
  {('criticized', 'Mary Jones', 'John Smith', 'asserted')}),
 ('criticized', 'misconduct-denied', 'Mary Jones denied that John Smith harassed her.', set()),
 # a light verb, its noun and the preposition the parser hangs on the verb
 ('criticized', 'light-verb-noun', 'Mary Jones took a swipe at John Smith.',
  {('criticized', 'Mary Jones', 'John Smith', 'asserted')}),
 ('supported', 'light-verb-noun', 'Mary Jones paid tribute to John Smith.',
  {('supported', 'Mary Jones', 'John Smith', 'asserted')}),
 ('succeeded', 'appointed-to-succeed', 'John Smith appointed Mary Jones to succeed Ann Lee.',
  {('appointed', 'John Smith', 'Mary Jones', 'asserted'), ('succeeded', 'Mary Jones', 'Ann Lee', 'asserted')}),
 ('succeeded', 'endorsed-to-succeed', 'John Smith endorsed Mary Jones to succeed him.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('resigned', 'announced-own', 'Mary Jones announced her resignation on Friday.',
  {('resigned', 'Mary Jones', None, 'asserted')}),
 ('resigned', 'titled-subject', 'Home Secretary Mary Jones resigned on Friday.',
  {('resigned', 'Mary Jones', None, 'asserted'), ('heldPosition', 'Mary Jones', None, 'asserted')}),
 ('fired', 'titled-object', 'John Smith fired Home Secretary Mary Jones on Friday.',
  {('fired', 'John Smith', 'Mary Jones', 'asserted'), ('heldPosition', 'Mary Jones', None, 'asserted')}),
 ('supported', 'vote-for', 'Mary Jones voted for John Smith in the primary.',
  {('supported', 'Mary Jones', 'John Smith', 'asserted')}),
 ('supported', 'vote-for-conditional', 'Mary Jones said she would vote for John Smith.',
  {('supported', 'Mary Jones', 'John Smith', 'conditional')}),
 ('supported', 'vote-for-a-bill', 'Mary Jones voted for the bill.', set()),
 ('supported', 'many-of-such-as', 'Many of the rivals, such as Ann Lee, endorsed John Smith.',
  {('supported', 'Ann Lee', 'John Smith', 'asserted')}),
 ('appointed', 'hyphenated-participle', 'John Smith spoke. A Smith-appointed judge, Mary Jones, ruled on Monday.',
  {('appointed', 'John Smith', 'Mary Jones', 'asserted'), ('holdsPosition', 'Mary Jones', None, 'asserted')}),
 # a passive's subject is not the object of the sense's preposition: no reading at all
 ('reportsTo', 'other-sense-passive', 'John Smith told the BBC that Mary Jones had been reported to be unhappy.',
  set()),
 ('memberOf', 'positive', 'Labour MP Mary Jones spoke.',
  {('holdsPosition', 'Mary Jones', None, 'asserted'), ('memberOf', 'Mary Jones', 'Labour Party', 'asserted')}),
 ('heldPosition', 'former', 'Former Labour MP Mary Jones spoke.',
  {('heldPosition', 'Mary Jones', None, 'asserted'), ('memberOf', 'Mary Jones', 'Labour Party', 'asserted')}),
 ('fired', 'asserted', 'John Smith fired Mary Jones on Monday.',
  {('fired', 'John Smith', 'Mary Jones', 'asserted')}),
 ('fired', 'negated', 'John Smith did not fire Mary Jones.',
  {('fired', 'John Smith', 'Mary Jones', 'negated')}),
 ('fired', 'conditional', 'John Smith would fire Mary Jones if the report was published.',
  {('threatenedToFire', 'John Smith', 'Mary Jones', 'asserted')}),
 ('fired', 'future', 'John Smith will fire Mary Jones next week.',
  {('threatenedToFire', 'John Smith', 'Mary Jones', 'asserted')}),
 ('fired', 'hedged', 'John Smith reportedly fired Mary Jones.',
  {('fired', 'John Smith', 'Mary Jones', 'hedged')}),
 ('fired', 'denied', 'Aides denied reports that John Smith had fired Mary Jones.',
  {('fired', 'John Smith', 'Mary Jones', 'denied')}),
 ('threatenedToFire', 'asserted', 'John Smith threatened to sack Mary Jones on Monday.',
  {('fired', 'John Smith', 'Mary Jones', 'hedged'), ('threatenedToFire', 'John Smith', 'Mary Jones', 'asserted')}),
 ('threatenedToFire', 'negated', 'John Smith did not threaten to sack Mary Jones.',
  {('fired', 'John Smith', 'Mary Jones', 'negated'), ('threatenedToFire', 'John Smith', 'Mary Jones', 'negated')}),
 ('threatenedToFire', 'conditional', 'John Smith would threaten to sack Mary Jones if the report was published.',
  {('fired', 'John Smith', 'Mary Jones', 'hedged'), ('threatenedToFire', 'John Smith', 'Mary Jones', 'conditional')}),
 ('threatenedToFire', 'future', 'John Smith will threaten to sack Mary Jones next week.',
  {('fired', 'John Smith', 'Mary Jones', 'hedged'), ('threatenedToFire', 'John Smith', 'Mary Jones', 'future')}),
 ('threatenedToFire', 'hedged', 'John Smith reportedly threatened to sack Mary Jones.',
  {('fired', 'John Smith', 'Mary Jones', 'hedged'), ('threatenedToFire', 'John Smith', 'Mary Jones', 'hedged')}),
 ('threatenedToFire', 'denied', 'Aides denied reports that John Smith had threatened to sack Mary Jones.',
  {('fired', 'John Smith', 'Mary Jones', 'denied'), ('threatenedToFire', 'John Smith', 'Mary Jones', 'denied')}),
 ('resigned', 'asserted', 'Mary Jones resigned on Monday.',
  {('resigned', 'Mary Jones', None, 'asserted')}),
 ('resigned', 'negated', 'Mary Jones did not resign.',
  {('refusedToResign', 'Mary Jones', None, 'asserted')}),
 ('resigned', 'conditional', 'Mary Jones would resign if the report was published.',
  {('resigned', 'Mary Jones', None, 'conditional')}),
 ('resigned', 'future', 'Mary Jones will resign next week.',
  {('resigned', 'Mary Jones', None, 'future')}),
 ('resigned', 'hedged', 'Mary Jones reportedly resigned.',
  {('resigned', 'Mary Jones', None, 'hedged')}),
 ('resigned', 'denied', 'Aides denied reports that Mary Jones had resigned.',
  {('resigned', 'Mary Jones', None, 'denied')}),
 ('refusedToResign', 'asserted', 'Mary Jones refused to resign on Monday.',
  {('refusedToResign', 'Mary Jones', None, 'asserted'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('refusedToResign', 'negated', 'Mary Jones did not refuse to resign.',
  {('refusedToResign', 'Mary Jones', None, 'negated'), ('resigned', 'Mary Jones', None, 'negated')}),
 ('refusedToResign', 'conditional', 'Mary Jones would refuse to resign if the report was published.',
  {('refusedToResign', 'Mary Jones', None, 'conditional'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('refusedToResign', 'future', 'Mary Jones will refuse to resign next week.',
  {('refusedToResign', 'Mary Jones', None, 'future'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('refusedToResign', 'hedged', 'Mary Jones reportedly refused to resign.',
  {('refusedToResign', 'Mary Jones', None, 'hedged'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('refusedToResign', 'denied', 'Aides denied reports that Mary Jones had refused to resign.',
  {('refusedToResign', 'Mary Jones', None, 'denied'), ('resigned', 'Mary Jones', None, 'denied')}),
 ('askedToResign', 'asserted', 'John Smith asked Mary Jones to resign on Monday.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'asserted'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('askedToResign', 'negated', 'John Smith did not ask Mary Jones to resign.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'negated'), ('resigned', 'Mary Jones', None, 'negated')}),
 ('askedToResign', 'conditional', 'John Smith would ask Mary Jones to resign if the report was published.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'conditional'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('askedToResign', 'future', 'John Smith will ask Mary Jones to resign next week.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'future'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('askedToResign', 'hedged', 'John Smith reportedly asked Mary Jones to resign.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'hedged'), ('resigned', 'Mary Jones', None, 'hedged')}),
 ('askedToResign', 'denied', 'Aides denied reports that John Smith had asked Mary Jones to resign.',
  {('askedToResign', 'John Smith', 'Mary Jones', 'denied'), ('resigned', 'Mary Jones', None, 'denied')}),
 ('appointed', 'asserted', 'John Smith appointed Mary Jones on Monday.',
  {('appointed', 'John Smith', 'Mary Jones', 'asserted')}),
 ('appointed', 'negated', 'John Smith did not appoint Mary Jones.',
  {('appointed', 'John Smith', 'Mary Jones', 'negated')}),
 ('appointed', 'conditional', 'John Smith would appoint Mary Jones if the report was published.',
  {('appointed', 'John Smith', 'Mary Jones', 'conditional')}),
 ('appointed', 'future', 'John Smith will appoint Mary Jones next week.',
  {('appointed', 'John Smith', 'Mary Jones', 'future')}),
 ('appointed', 'hedged', 'John Smith reportedly appointed Mary Jones.',
  {('appointed', 'John Smith', 'Mary Jones', 'hedged')}),
 ('appointed', 'denied', 'Aides denied reports that John Smith had appointed Mary Jones.',
  {('appointed', 'John Smith', 'Mary Jones', 'denied')}),
 ('succeeded', 'asserted', 'Mary Jones replaced John Smith on Monday.',
  {('succeeded', 'Mary Jones', 'John Smith', 'asserted')}),
 ('succeeded', 'negated', 'Mary Jones did not replace John Smith.',
  {('succeeded', 'Mary Jones', 'John Smith', 'negated')}),
 ('succeeded', 'conditional', 'Mary Jones would replace John Smith if the report was published.',
  {('succeeded', 'Mary Jones', 'John Smith', 'conditional')}),
 ('succeeded', 'future', 'Mary Jones will replace John Smith next week.',
  {('succeeded', 'Mary Jones', 'John Smith', 'future')}),
 ('succeeded', 'hedged', 'Mary Jones reportedly replaced John Smith.',
  {('succeeded', 'Mary Jones', 'John Smith', 'hedged')}),
 ('succeeded', 'denied', 'Aides denied reports that Mary Jones had replaced John Smith.',
  {('succeeded', 'Mary Jones', 'John Smith', 'denied')}),
 ('criticized', 'asserted', 'John Smith criticised Mary Jones on Monday.',
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('criticized', 'negated', 'John Smith did not criticise Mary Jones.',
  {('criticized', 'John Smith', 'Mary Jones', 'negated')}),
 ('criticized', 'conditional', 'John Smith would criticise Mary Jones if the report was published.',
  {('criticized', 'John Smith', 'Mary Jones', 'conditional')}),
 ('criticized', 'future', 'John Smith will criticise Mary Jones next week.',
  {('criticized', 'John Smith', 'Mary Jones', 'future')}),
 ('criticized', 'hedged', 'John Smith reportedly criticised Mary Jones.',
  {('criticized', 'John Smith', 'Mary Jones', 'hedged')}),
 ('criticized', 'denied', 'Aides denied reports that John Smith had criticised Mary Jones.',
  {('criticized', 'John Smith', 'Mary Jones', 'denied')}),
 ('supported', 'asserted', 'John Smith backed Mary Jones on Monday.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', 'negated', 'John Smith did not back Mary Jones.',
  {('supported', 'John Smith', 'Mary Jones', 'negated')}),
 ('supported', 'conditional', 'John Smith would back Mary Jones if the report was published.',
  {('supported', 'John Smith', 'Mary Jones', 'conditional')}),
 ('supported', 'future', 'John Smith will back Mary Jones next week.',
  {('supported', 'John Smith', 'Mary Jones', 'future')}),
 ('supported', 'hedged', 'John Smith reportedly backed Mary Jones.',
  {('supported', 'John Smith', 'Mary Jones', 'hedged')}),
 ('supported', 'denied', 'Aides denied reports that John Smith had backed Mary Jones.',
  {('supported', 'John Smith', 'Mary Jones', 'denied')}),
 ('metWith', 'asserted', 'John Smith met Mary Jones on Monday.',
  {('metWith', 'John Smith', 'Mary Jones', 'asserted')}),
 ('metWith', 'negated', 'John Smith did not meet Mary Jones.',
  {('metWith', 'John Smith', 'Mary Jones', 'negated')}),
 ('metWith', 'conditional', 'John Smith would meet Mary Jones if the report was published.',
  {('metWith', 'John Smith', 'Mary Jones', 'conditional')}),
 ('metWith', 'future', 'John Smith will meet Mary Jones next week.',
  {('metWith', 'John Smith', 'Mary Jones', 'future')}),
 ('metWith', 'hedged', 'John Smith reportedly met Mary Jones.',
  {('metWith', 'John Smith', 'Mary Jones', 'hedged')}),
 ('metWith', 'denied', 'Aides denied reports that John Smith had met Mary Jones.',
  {('metWith', 'John Smith', 'Mary Jones', 'denied')}),
 ('reportsTo', 'asserted', 'Mary Jones reports to John Smith on Monday.',
  {('reportsTo', 'Mary Jones', 'John Smith', 'asserted')}),
 ('reportsTo', 'negated', 'Mary Jones does not report to John Smith.',
  {('reportsTo', 'Mary Jones', 'John Smith', 'negated')}),
 ('reportsTo', 'conditional', 'Mary Jones would report to John Smith if the report was published.',
  {('reportsTo', 'Mary Jones', 'John Smith', 'conditional')}),
 ('reportsTo', 'future', 'Mary Jones will report to John Smith next week.',
  {('reportsTo', 'Mary Jones', 'John Smith', 'future')}),
 ('reportsTo', 'hedged', 'Mary Jones reportedly reports to John Smith.',
  {('reportsTo', 'Mary Jones', 'John Smith', 'hedged')}),
 ('reportsTo', 'denied', 'Aides denied reports that Mary Jones had reported to John Smith.',
  {('reportsTo', 'Mary Jones', 'John Smith', 'denied')}),
 ('withdrew', 'asserted', 'Mary Jones dropped out of the race on Monday.',
  {('withdrew', 'Mary Jones', None, 'asserted')}),
 ('withdrew', 'negated', 'Mary Jones did not drop out of the race.',
  {('withdrew', 'Mary Jones', None, 'negated')}),
 ('withdrew', 'conditional', 'Mary Jones would drop out of the race if the report was published.',
  {('withdrew', 'Mary Jones', None, 'conditional')}),
 ('withdrew', 'future', 'Mary Jones will drop out of the race next week.',
  {('withdrew', 'Mary Jones', None, 'future')}),
 ('withdrew', 'hedged', 'Mary Jones reportedly dropped out of the race.',
  {('withdrew', 'Mary Jones', None, 'hedged')}),
 ('withdrew', 'denied', 'Aides denied reports that Mary Jones had dropped out of the race.',
  {('withdrew', 'Mary Jones', None, 'denied')}),
 ('askedToWithdraw', 'asserted', 'John Smith urged Mary Jones to drop out of the race on Monday.',
  {('askedToWithdraw', 'John Smith', 'Mary Jones', 'asserted'), ('withdrew', 'Mary Jones', None, 'hedged')}),
 ('askedToWithdraw', 'negated', 'John Smith did not urge Mary Jones to drop out of the race.',
  {('askedToWithdraw', 'John Smith', 'Mary Jones', 'negated'), ('withdrew', 'Mary Jones', None, 'negated')}),
 ('askedToWithdraw', 'conditional', 'John Smith would urge Mary Jones to drop out of the race if the report was published.',
  {('askedToWithdraw', 'John Smith', 'Mary Jones', 'conditional'), ('withdrew', 'Mary Jones', None, 'hedged')}),
 ('askedToWithdraw', 'future', 'John Smith will urge Mary Jones to drop out of the race next week.',
  {('askedToWithdraw', 'John Smith', 'Mary Jones', 'future'), ('withdrew', 'Mary Jones', None, 'hedged')}),
 ('askedToWithdraw', 'hedged', 'John Smith reportedly urged Mary Jones to drop out of the race.',
  {('askedToWithdraw', 'John Smith', 'Mary Jones', 'hedged'), ('withdrew', 'Mary Jones', None, 'hedged')}),
 ('askedToWithdraw', 'denied', 'Aides denied reports that John Smith had urged Mary Jones to drop out of the race.',
  {('askedToWithdraw', 'John Smith', 'Mary Jones', 'denied'), ('withdrew', 'Mary Jones', None, 'denied')}),
 ('withdrew', 'as nominee', "Mary Jones stepped aside as the party's nominee.",
  {('withdrew', 'Mary Jones', None, 'asserted')}),
 ('withdrew', 'bid', 'Mary Jones ended her reelection bid.',
  {('withdrew', 'Mary Jones', None, 'asserted')}),
 ('withdrew', 'noun', "Mary Jones's exit from the race stunned donors.",
  {('withdrew', 'Mary Jones', None, 'asserted')}),
 ('withdrew', 'refused', 'Mary Jones will not step aside as the nominee.',
  {('withdrew', 'Mary Jones', None, 'negated')}),
 ('askedToWithdraw', 'call on', 'John Smith called on Mary Jones to end her campaign.',
  {('askedToWithdraw', 'John Smith', 'Mary Jones', 'asserted'), ('withdrew', 'Mary Jones', None, 'hedged')}),
 ('resigned', 'not a race', 'Mary Jones quit the Senate.',
  {('resigned', 'Mary Jones', 'Senate', 'asserted')}),
 # a prefix glued to a name of the story: what the one described is for or against
 ('supported', 'pro-prefix', 'John Smith won. Mary Jones, a pro-Smith blogger, spoke.',
  {('supported', 'Mary Jones', 'John Smith', 'asserted')}),
 ('criticized', 'anti-prefix', 'John Smith won. Anti-Smith activist Mary Jones was arrested.',
  {('criticized', 'Mary Jones', 'John Smith', 'asserted')}),
 # one is put out of a post, not brushed off
 ('fired', 'as a post', 'John Smith sacked Mary Jones as chief of staff.',
  {('fired', 'John Smith', 'Mary Jones', 'asserted'), ('heldPosition', 'Mary Jones', None, 'asserted')}),
 ('fired', 'as no post', 'John Smith dismissed Mary Jones as a crank.', set()),
 # one resigns a post or a body, not a habit or a meeting
 ('resigned', 'a post left', 'Mary Jones quit her job last year.',
  {('resigned', 'Mary Jones', None, 'asserted')}),
 ('resigned', 'a habit left', 'Mary Jones quit smoking last year.', set()),
 ('resigned', 'talks left', 'Mary Jones quit the talks in protest.', set()),
 # a phrasal verb's patient is what its preposition or particle introduces, never another object
 ('criticized', 'particle', 'John Smith turned on Mary Jones at the rally.',
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('criticized', 'other particle', "John Smith turned down Mary Jones's request.", set()),
 # "challenge" judges only over something; a dare or a contest is not criticism
 ('criticized', 'challenged over', 'John Smith challenged Mary Jones over the budget.',
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('criticized', 'challenged for', 'John Smith challenged Mary Jones for the party leadership.', set()),
 # a meeting on the schedule has not happened yet
 ('metWith', 'scheduled', 'John Smith is scheduled to meet with Mary Jones on Thursday.',
  {('metWith', 'John Smith', 'Mary Jones', 'future')}),
 # a noun of the one who acts: the name on it is whom they back or attack
 ('supported', 'supporter', 'John Smith became a Mary Jones supporter last year.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', 'ally of', 'John Smith is a close ally of Mary Jones.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 # an event noun talked of, or said to be what it would be, did not happen
 ('resigned', 'speculation', "There was speculation about Mary Jones's resignation.",
  {('resigned', 'Mary Jones', None, 'hedged')}),
 ('resigned', 'would be', "Mary Jones's resignation would be a disaster.",
  {('resigned', 'Mary Jones', None, 'conditional')}),
 # anger drawn from someone: the one whose ire it is judges the one who drew it
 ('criticized', 'drew the wrath', 'John Smith drew the wrath of Mary Jones.',
  {('criticized', 'Mary Jones', 'John Smith', 'asserted')}),
 # coordination on the agent's side
 ('supported', 'two endorsers', 'John Smith and Mary Jones endorsed Ann Lee.',
  {('supported', 'John Smith', 'Ann Lee', 'asserted'), ('supported', 'Mary Jones', 'Ann Lee', 'asserted')}),
 ('criticized', 'noun with on', 'Mary Jones launched an attack on John Smith.',
  {('criticized', 'Mary Jones', 'John Smith', 'asserted')}),
 # a judgement is as real as its saying, and admitting or asking judges no one
 ('criticized', 'failed to say', 'John Smith failed to note that Mary Jones had lied.',
  {('criticized', 'John Smith', 'Mary Jones', 'negated')}),
 ('criticized', 'admitted', 'John Smith admitted Mary Jones was wrong.', set()),
 ('criticized', 'asked', 'John Smith asked why Mary Jones had lied.', set()),
 ('fired', 'lobbied', 'John Smith lobbied Ann Lee to fire Mary Jones.',
  {('fired', 'Ann Lee', 'Mary Jones', 'hedged')}),
 ('resigned', 'ought', 'Ann Lee says Mary Jones ought to resign.',
  {('resigned', 'Mary Jones', None, 'hedged')}),
 ('resigned', 'offered', 'Mary Jones offered to resign.',
  {('resigned', 'Mary Jones', None, 'future')}),
 # what one is named judges one, by its stance in VADER's lexicon
 ('criticized', 'named', 'John Smith called Mary Jones a liar.',
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('criticized', 'named in the passive', 'Mary Jones was described as irresponsible and outrageous by John Smith.',
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', 'named', 'John Smith described Mary Jones as a brilliant and honest colleague.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', 'named neutrally', 'John Smith described Mary Jones as a colleague.', set()),
 ('criticized', 'called on', 'John Smith called Mary Jones on Tuesday.', set()),
 # a noun of someone's staff: the one it describes reports to the one it is of
 ('reportsTo', 'aide to', 'Jane Roe, a senior adviser to Governor Bob Smith, left.',
  {('reportsTo', 'Jane Roe', 'Bob Smith', 'asserted'), ('holdsPosition', 'Bob Smith', None, 'asserted'),
   ('holdsPosition', 'Jane Roe', None, 'asserted')}),
 ('reportsTo', 'spokeswoman for', 'Mary Jones is a spokeswoman for Governor Bob Smith.',
  {('reportsTo', 'Mary Jones', 'Bob Smith', 'asserted'), ('holdsPosition', 'Bob Smith', None, 'asserted'),
   ('holdsPosition', 'Mary Jones', None, 'asserted')}),
 ('reportsTo', "X's aide", "Tom Lee, Bob Smith's longtime aide, left.",
  {('reportsTo', 'Tom Lee', 'Bob Smith', 'asserted'), ('holdsPosition', 'Tom Lee', None, 'asserted')}),
 # a former aide held the post, and answers to no one now
 ('reportsTo', 'former aide', "Bob Smith's former aide Tom Lee spoke.",
  {('heldPosition', 'Tom Lee', None, 'asserted')}),
 ('reportsTo', 'met an aide', 'Tom Lee met an adviser to Bob Smith.', set()),
 # whose staff one is on, by any staff noun ('aide' in relations.yml): "chief operating officer for"
 ('reportsTo', 'officer for', 'Tom Lee, chief operating officer for Gov. Bob Smith, spoke.',
  {('reportsTo', 'Tom Lee', 'Bob Smith', 'asserted'), ('holdsPosition', 'Tom Lee', None, 'asserted'),
   ('holdsPosition', 'Bob Smith', None, 'asserted')}),
 # a lieutenant in politics is a close ally: no reporting line
 ('reportsTo', "X's lieutenant", "Tom Lee, Bob Smith's longtime lieutenant, left.", set()),
 # an event noun with a possessor and "of X": the possessor acts on X
 ('fired', "X's firing of Y", "John Smith's firing of Mary Jones shocked Washington.",
  {('fired', 'John Smith', 'Mary Jones', 'asserted')}),
 ('appointed', "X's selection of Y", "John Smith's selection of Mary Jones surprised many.",
  {('appointed', 'John Smith', 'Mary Jones', 'asserted')}),
 # an event noun's doer through a verb of doing it, not of judging it
 ('appointed', 'announced the appointment', 'Ann Lee announced the appointment of Mary Jones.',
  {('appointed', 'Ann Lee', 'Mary Jones', 'asserted')}),
 ('appointed', 'welcomed the appointment', 'Ann Lee welcomed the appointment of Mary Jones.', set()),
 # a confirmation blocked did not happen
 ('appointed', 'blocked the confirmation', 'Democrats blocked the Senate confirmation of Mary Jones.',
  {('appointed', 'Senate', 'Mary Jones', 'negated')}),
 ('succeeded', 'take over for', 'Mary Jones was elected in May to take over for John Smith.',
  {('succeeded', 'Mary Jones', 'John Smith', 'asserted')}),
 # a negated request: asked to stay is not asked to go, nor a refusal; asked not to run is asked out
 ('askedToResign', 'urged not to', 'John Smith urged Mary Jones not to resign.',
  {('resigned', 'Mary Jones', None, 'hedged')}),
 ('askedToWithdraw', 'urged not to run', 'John Smith urged Mary Jones not to run for reelection.',
  {('askedToWithdraw', 'John Smith', 'Mary Jones', 'asserted')}),
 ('askedToWithdraw', 'urged to run', 'John Smith urged Mary Jones to run for reelection.', set()),
 # who has support, or wins it, is supported: the giver is "of X" or the possessor
 ('supported', 'has the support of', 'Mary Jones has the support of John Smith.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', "won X's", "Mary Jones won John Smith's endorsement.",
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 # an adjective that judges its object, or whose the object is
 ('criticized', 'critical of', 'John Smith has long been critical of Mary Jones.',
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('criticized', "critical of X's", "John Smith was critical of Mary Jones's policies.",
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('criticized', 'not critical of', 'John Smith was not critical of Mary Jones.',
  {('criticized', 'John Smith', 'Mary Jones', 'negated')}),
 ('supported', 'supportive of', 'John Smith is supportive of Mary Jones.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', 'vouched for', 'John Smith vouched for Mary Jones.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 # what one comes under or draws is received: its giver is "from X", on the noun or the verb
 ('criticized', 'came under fire from', 'Mary Jones came under fire from John Smith.',
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('criticized', 'opened fire on', 'Police opened fire on Mary Jones.', set()),
 ('criticized', 'drew criticism from', 'Mary Jones drew criticism from John Smith.',
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', 'won praise from', 'Mary Jones won praise from John Smith.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', 'rallied behind', 'John Smith rallied behind Mary Jones.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', 'got behind the wheel', 'John Smith got behind the wheel with Mary Jones.', set()),
 # backing placed behind someone; a hand put behind something is none
 ('supported', 'threw his support behind', 'John Smith threw his support behind Mary Jones.',
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('supported', 'put his hands behind', 'John Smith put his hands behind Mary Jones.', set()),
 ('supported', 'touted', "John Smith touted Mary Jones's record.",
  {('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 # a participle on a statement, letter or video says what its author does, as really as the clause
 ('criticized', 'statement condemning', 'John Smith issued a statement condemning Mary Jones.',
  {('criticized', 'John Smith', 'Mary Jones', 'asserted')}),
 ('criticized', 'no statement condemning', 'John Smith did not issue a statement condemning Mary Jones.',
  {('criticized', 'John Smith', 'Mary Jones', 'negated')}),
 # a past-tense conjunct is told, not what he would do
 ('supported', 'would ... and endorsed', 'John Smith said he would step aside and endorsed Mary Jones.',
  {('resigned', 'John Smith', None, 'conditional'), ('supported', 'John Smith', 'Mary Jones', 'asserted')}),
 ('resigned', 'calls for', 'Republicans renewed calls for Mary Jones to step down.',
  {('resigned', 'Mary Jones', None, 'hedged')}),
]

READINGS = ("asserted", "negated", "conditional", "future", "hedged", "denied")
# Posts and memberships are read from noun phrases, not from a clause with a modality.
_POSTS = {"holdsPosition", "heldPosition", "memberOf"}


def extraction_of_sentence(sentence: str):
    """One sentence through the pinned pipeline and every rule. Each test reads its own (a few ms):
    a shared fixture would hide from mutation testing which test exercises the rules."""
    from govgraph.build import extract_articles

    (extraction,) = extract_articles([Article(text=sentence, source="case")])
    return extraction


def readings_of(extraction) -> set[tuple]:
    return {(r.predicate, r.subject.label, r.object.label if r.object else None, r.modality)
            for r in extraction.relations}


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_rule_table(index, nlp):
    predicate, variant, sentence, expected = CASES[index]
    assert readings_of(extraction_of_sentence(sentence)) == expected, sentence


def test_every_event_predicate_is_tested_in_every_reading():
    from govgraph.evaluate import ONTOLOGY_PREDICATES

    events = set(ONTOLOGY_PREDICATES) - _POSTS
    grid = {(c[0], c[1]) for c in CASES}
    assert {(p, reading) for p in events for reading in READINGS} <= grid
    covered = {c[0] for c in CASES} | {p for c in CASES for p, *_ in c[3]}
    assert set(ONTOLOGY_PREDICATES) <= covered


def graph_readings(extraction) -> tuple[set[tuple], set[tuple]]:
    """What the graph of one extraction says: (predicate, subject, object, gg:modality) of each
    assertion node, and (predicate, subject, object) of each direct triple (posts left out)."""
    from rdflib import RDF
    from rdflib.namespace import SKOS

    from govgraph.graph import GG, as_rdflib, build_graph

    graph = as_rdflib(build_graph([extraction]))
    label = lambda node: None if node is None or node == GG.unspecified else str(graph.value(node, SKOS.prefLabel))
    nodes = set()
    for node in graph.subjects(RDF.type, GG.Assertion):
        predicate = str(graph.value(node, RDF.predicate)).rsplit("#", 1)[-1]
        if predicate not in _POSTS:
            nodes.add((predicate, label(graph.value(node, RDF.subject)), label(graph.value(node, RDF.object)),
                       str(graph.value(node, GG.modality))))
    direct = {(predicate, label(s), label(o)) for predicate in {r[0] for r in nodes}
              for s, o in graph.subject_objects(GG[predicate])}
    return nodes, direct


def assert_graph_keeps_the_readings(extraction, expected: set[tuple]) -> None:
    """Each reading is an assertion node with its modality; a direct triple exists only for an
    asserted reading: a claim that did not happen never becomes a fact in the graph."""
    nodes, direct = graph_readings(extraction)
    events = {reading for reading in expected if reading[0] not in _POSTS}
    assert nodes == events
    assert direct == {(p, s, o) for p, s, o, modality in events if modality == "asserted"}


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_only_asserted_readings_become_triples(index, nlp):
    assert_graph_keeps_the_readings(extraction_of_sentence(CASES[index][2]), CASES[index][3])


@pytest.mark.parametrize("noun, tag, included", [
    ("ministers", "NNS", True),  # "attacked several ministers , including John Smith": each is attacked
    ("plan", "NN", False),       # "attacked the plan , including John Smith": a thing includes no one
])
def test_only_a_group_includes_people_without_a_model(vocab, noun, tag, included):
    doc = parsed(vocab, f"""
        Mary       PROPN NNP compound 1 B-PERSON
        Jones      PROPN NNP nsubj    2 I-PERSON
        attacked   VERB  VBD ROOT     2 O attack
        the        DET   DT  det      4
        {noun}     NOUN  {tag} dobj   2
        ,          PUNCT ,   punct    4
        including  VERB  VBG prep     4 O include
        John       PROPN NNP compound 8 B-PERSON
        Smith      PROPN NNP pobj     6 I-PERSON
        .          PUNCT .   punct    2
    """)
    expected = {("criticized", "Mary Jones", "John Smith")} if included else set()
    assert {r[:3] for r in readings_of(extraction_of(doc))} == expected


@pytest.mark.parametrize("modifier, chosen", [
    ("new", True),         # "Doe 's new running mate , John Smith , spoke .": Doe chose him
    ("potential", False),  # "Doe 's potential running mate , John Smith": no choice made yet
])
def test_whom_a_persons_choice_made_a_running_mate_was_appointed_without_a_model(vocab, modifier, chosen):
    doc = parsed(vocab, f"""
        Mary       PROPN NNP compound 1 B-PERSON
        Jones      PROPN NNP poss     5 I-PERSON
        's         PART  POS case     1
        {modifier} ADJ   JJ  amod     5
        running    NOUN  NN  compound 5
        mate       NOUN  NN  nsubj    11
        ,          PUNCT ,   punct    5
        John       PROPN NNP compound 8 B-PERSON
        Smith      PROPN NNP appos    5 I-PERSON
        ,          PUNCT ,   punct    5
        then       ADV   RB  advmod   11
        spoke      VERB  VBD ROOT     11 O speak
        .          PUNCT .   punct    11
    """)
    expected = {("appointed", "Mary Jones", "John Smith", "asserted")} if chosen else set()
    assert readings_of(extraction_of(doc)) == expected


def relations_of(doc):
    sentences, entities = analyse(doc)
    compiled = compile_rules(load_relation_rules(), doc.vocab)
    found = extract_relations(doc, Article(text=doc.text, source="x"), sentences, entities, compiled, load_lexicon())
    return {(r.predicate, r.subject.label, r.object.label if r.object else None, r.modality) for r in found}


# "Smith sacked Jones ." with the parse written out
ACTIVE = """
    Smith  PROPN NNP nsubj 1 B-PERSON
    sacked VERB  VBD ROOT  1 O sack
    Jones  PROPN NNP dobj  1 B-PERSON
    .      PUNCT .   punct 1
"""


def test_transitive_active_without_a_model(vocab):
    assert relations_of(parsed(vocab, ACTIVE)) == {("fired", "Smith", "Jones", "asserted")}


def test_a_verb_of_several_senses_counts_only_with_its_sense_preposition_without_a_model(vocab):
    # "Smith challenged Jones over/for the leadership ." and "Smith challenged Jones to explain ."
    def challenged(prep):
        return relations_of(parsed(vocab, f"""
            Smith      PROPN NNP nsubj 1 B-PERSON
            challenged VERB  VBD ROOT  1 O challenge
            Jones      PROPN NNP dobj  1 B-PERSON
            {prep}     ADP   IN  prep  1
            the        DET   DT  det   5
            leadership NOUN  NN  pobj  3
            .          PUNCT .   punct 1
        """))

    assert challenged("over") == {("criticized", "Smith", "Jones", "asserted")}
    assert challenged("for") == set()
    assert relations_of(parsed(vocab, """
        Smith      PROPN NNP nsubj 1 B-PERSON
        challenged VERB  VBD ROOT  1 O challenge
        Jones      PROPN NNP dobj  1 B-PERSON
        to         PART  TO  aux   4
        explain    VERB  VB  xcomp 1 O explain
        over       ADP   IN  prep  1
        it         PRON  PRP pobj  5
        .          PUNCT .   punct 1
    """)) == set()


def test_coordinated_and_included_agents_each_act_without_a_model(vocab):
    # "Smith , Poe and Jones endorsed Roe ." (Poe parsed as an appositive of Smith) and
    # "Lee , including Mary Jones , endorsed Roe ."
    assert relations_of(parsed(vocab, """
        Smith    PROPN NNP nsubj 5 B-PERSON
        ,        PUNCT ,   punct 0
        Poe      PROPN NNP appos 0 B-PERSON
        and      CCONJ CC  cc    2
        Jones    PROPN NNP conj  2 B-PERSON
        endorsed VERB  VBD ROOT  5 O endorse
        Roe      PROPN NNP dobj  5 B-PERSON
        .        PUNCT .   punct 5
    """)) == {("supported", name, "Roe", "asserted") for name in ("Smith", "Poe", "Jones")}
    assert relations_of(parsed(vocab, """
        Lee       PROPN NNP nsubj 6 B-PERSON
        ,         PUNCT ,   punct 0
        including VERB  VBG prep  0
        Mary      PROPN NNP compound 4 B-PERSON
        Jones     PROPN NNP pobj  2 I-PERSON
        ,         PUNCT ,   punct 0
        endorsed  VERB  VBD ROOT  6 O endorse
        Roe       PROPN NNP dobj  6 B-PERSON
        .         PUNCT .   punct 6
    """)) == {("supported", name, "Roe", "asserted") for name in ("Lee", "Mary Jones")}


def test_those_named_in_a_part_of_a_group_act_and_are_acted_on_without_a_model(vocab):
    # "Many of the rivals , such as Ann Lee endorsed Roe ." / "Roe criticized some of the rivals ,
    # including Ann Lee ." : "of" reaches the plural, whose "such as" / "including" names them
    assert relations_of(parsed(vocab, """
        Many     ADJ   JJ  nsubj 9
        of       ADP   IN  prep  0
        the      DET   DT  det   3
        rivals   NOUN  NNS pobj  1
        ,        PUNCT ,   punct 3
        such     ADJ   JJ  amod  6
        as       ADP   IN  prep  3
        Ann      PROPN NNP compound 8 B-PERSON
        Lee      PROPN NNP pobj  6 I-PERSON
        endorsed VERB  VBD ROOT  9 O endorse
        Roe      PROPN NNP dobj  9 B-PERSON
        .        PUNCT .   punct 9
    """)) == {("supported", "Ann Lee", "Roe", "asserted")}
    assert relations_of(parsed(vocab, """
        Roe        PROPN NNP nsubj 1 B-PERSON
        criticized VERB  VBD ROOT  1 O criticize
        some       DET   DT  dobj  1
        of         ADP   IN  prep  2
        the        DET   DT  det   5
        rivals     NOUN  NNS pobj  3
        ,          PUNCT ,   punct 5
        including  VERB  VBG prep  5
        Ann        PROPN NNP compound 9 B-PERSON
        Lee        PROPN NNP pobj  7 I-PERSON
        .          PUNCT .   punct 1
    """)) == {("criticized", "Roe", "Ann Lee", "asserted")}


def test_a_name_glued_before_a_participle_does_what_it_says_to_the_noun_without_a_model(vocab):
    # "Ann Lee spoke . Jane Roe is a Lee-backed candidate ." ("Lee - backed", spaced, is no compound)
    def reading(glued):
        return relations_of(parsed(vocab, """
            Ann       PROPN NNP compound 1 B-PERSON
            Lee       PROPN NNP nsubj    2 I-PERSON
            spoke     VERB  VBD ROOT     2 O speak
            .         PUNCT .   punct    2
            Jane      PROPN NNP compound 5 B-PERSON
            Roe       PROPN NNP nsubj    6 I-PERSON
            is        AUX   VBZ ROOT     6 O be
            a         DET   DT  det      11
            Lee       PROPN NNP npadvmod 10 B-PERSON
            -         PUNCT HYPH punct   10
            backed    VERB  VBN amod     11 O back
            candidate NOUN  NN  attr     6
            .         PUNCT .   punct    6
        """, glued=glued))

    assert reading(frozenset({8, 9})) == {("supported", "Ann Lee", "Jane Roe", "asserted")}
    assert reading(frozenset()) == set()


def test_who_is_appointed_to_do_something_does_it_without_a_model(vocab):
    # "Smith appointed Ann Lee to succeed Roe ." (not Smith)
    assert relations_of(parsed(vocab, """
        Smith     PROPN NNP nsubj    1 B-PERSON
        appointed VERB  VBD ROOT     1 O appoint
        Ann       PROPN NNP compound 3 B-PERSON
        Lee       PROPN NNP dobj     1 I-PERSON
        to        PART  TO  aux      5
        succeed   VERB  VB  xcomp    1 O succeed
        Roe       PROPN NNP dobj     5 B-PERSON
        .         PUNCT .   punct    1
    """)) == {("appointed", "Smith", "Ann Lee", "asserted"), ("succeeded", "Ann Lee", "Roe", "asserted")}


@pytest.mark.parametrize("verb, lemma, expected", [
    ("heard", "hear", {("criticized", "Ann Lee", "Roe", "asserted")}),
    ("watched", "watch", {("criticized", "Ann Lee", "Roe", "asserted")}),
    # no perceiving: "Smith wanted Ann Lee attack Roe" says nothing was done
    ("wanted", "want", set()),
])
def test_the_one_perceived_does_what_the_bare_infinitive_says_without_a_model(vocab, verb, lemma, expected):
    # "Smith heard Ann Lee attack Roe ." - the parser gives the infinitive no subject of its own
    found = relations_of(parsed(vocab, f"""
        Smith     PROPN NNP nsubj    1 B-PERSON
        {verb}    VERB  VBD ROOT     1 O {lemma}
        Ann       PROPN NNP compound 3 B-PERSON
        Lee       PROPN NNP dobj     1 I-PERSON
        attack    VERB  VB  ccomp    1 O attack
        Roe       PROPN NNP dobj     4 B-PERSON
        .         PUNCT .   punct    1
    """))
    assert {r for r in found if r[0] == "criticized"} == expected


@pytest.mark.parametrize("owned, lemma, agent", [("campaign", "campaign", "Doe"), ("family", "family", None)])
def test_what_someone_owns_stands_for_them_but_not_their_kin_without_a_model(vocab, owned, lemma, agent):
    # "Roe faced the ire of Doe 's campaign ." is Doe's; "... of Doe 's family ." the family's
    found = relations_of(parsed(vocab, f"""
        Roe    PROPN NNP nsubj 1 B-PERSON
        faced  VERB  VBD ROOT  1 O face
        the    DET   DT  det   3
        ire    NOUN  NN  dobj  1 O ire
        of     ADP   IN  prep  3
        Doe    PROPN NNP poss  7 B-PERSON
        's     PART  POS case  5
        {owned} NOUN NN  pobj  4 O {lemma}
        .      PUNCT .   punct 1
    """))
    assert {r for r in found if r[0] == "criticized"} == ({("criticized", agent, "Roe", "asserted")} if agent else set())


def test_a_name_on_a_noun_of_the_one_who_acts_is_its_patient_without_a_model(vocab):
    # "Smith , an Ann Roe supporter , spoke ." / "Smith , an Ann Roe critic , spoke ."
    def reading(noun):
        return relations_of(parsed(vocab, f"""
            Smith   PROPN NNP nsubj    7 B-PERSON
            ,       PUNCT ,   punct    0
            a       DET   DT  det      5
            Ann     PROPN NNP compound 4 B-PERSON
            Roe     PROPN NNP compound 5 I-PERSON
            {noun}  NOUN  NN  appos    0
            ,       PUNCT ,   punct    0
            spoke   VERB  VBD ROOT     7 O speak
            .       PUNCT .   punct    7
        """))

    assert reading("supporter") == {("supported", "Smith", "Ann Roe", "asserted")}
    assert reading("critic") == {("criticized", "Smith", "Ann Roe", "asserted")}


def test_transitive_passive_without_a_model(vocab):
    doc = parsed(vocab, """
        Jones  PROPN NNP nsubjpass 2 B-PERSON
        was    AUX   VBD auxpass   2 O be
        sacked VERB  VBN ROOT      2 O sack
        by     ADP   IN  agent     2
        Smith  PROPN NNP pobj      3 B-PERSON
        .      PUNCT .   punct     2
    """)
    assert relations_of(doc) == {("fired", "Smith", "Jones", "asserted")}


def test_phrasal_verbs_with_an_adverb_between_without_a_model(vocab):
    doc = parsed(vocab, """
        Smith       PROPN NNP nsubj  1 B-PERSON
        stepped     VERB  VBD ROOT   1 O step
        immediately ADV   RB  advmod 1
        down        ADV   RB  prt    1
        ;           PUNCT :   punct  1
        Jones       PROPN NNP nsubj  6 B-PERSON
        stepped     VERB  VBD ROOT   6 O step
        quickly     ADV   RB  advmod 6
        and         CCONJ CC  cc     6
        down        ADV   RB  advmod 6
        .           PUNCT .   punct  6
    """)
    compiled = compile_rules(load_relation_rules(), vocab)
    found = [(rule.id, token.i) for rule, token in compiled.triggers(doc)]
    # "stepped immediately down" is one trigger; "stepped quickly and down" does not run on
    assert [i for rule_id, i in found if rule_id == next(r.id for r in load_relation_rules() if "step down" in r.verbs)] == [1]


def test_conditional_firing_is_a_threat_without_a_model(vocab):
    doc = parsed(vocab, """
        Smith  PROPN NNP nsubj 2 B-PERSON
        would  AUX   MD  aux   2 O would
        sack   VERB  VB  ROOT  2 O sack
        Jones  PROPN NNP dobj  2 B-PERSON
        .      PUNCT .   punct 2
    """)
    assert relations_of(doc) == {("threatenedToFire", "Smith", "Jones", "asserted")}


def test_ask_frame_without_a_model(vocab):
    doc = parsed(vocab, """
        Smith  PROPN NNP nsubj 1 B-PERSON
        asked  VERB  VBD ROOT  1 O ask
        Jones  PROPN NNP dobj  1 B-PERSON
        to     PART  TO  aux   4
        resign VERB  VB  xcomp 1 O resign
        .      PUNCT .   punct 1
    """)
    # the request is asserted; the resignation it asks for is not
    assert relations_of(doc) == {("askedToResign", "Smith", "Jones", "asserted"), ("resigned", "Jones", None, "hedged")}


def extraction_of(doc):
    from govgraph.model import Extraction

    sentences, entities = analyse(doc)
    compiled = compile_rules(load_relation_rules(), doc.vocab)
    article = Article(text=doc.text, source="x")
    return Extraction(article, sentences, entities, (),
                      tuple(extract_relations(doc, article, sentences, entities, compiled, load_lexicon())))


@pytest.mark.parametrize("word, dep, tag, expected", [
    (None, None, None, {("fired", "Smith", "Jones", "asserted")}),
    ("not", "neg", "RB", {("fired", "Smith", "Jones", "negated")}),
    ("would", "aux", "MD", {("threatenedToFire", "Smith", "Jones", "asserted")}),  # a conditional firing: a threat
    ("might", "aux", "MD", {("threatenedToFire", "Smith", "Jones", "asserted")}),
    ("will", "aux", "MD", {("threatenedToFire", "Smith", "Jones", "asserted")}),
    ("should", "aux", "MD", {("fired", "Smith", "Jones", "hedged")}),
    ("reportedly", "advmod", "RB", {("fired", "Smith", "Jones", "hedged")}),
], ids=["asserted", "negated", "conditional", "might", "future", "hedged", "reportedly"])
def test_each_reading_reaches_the_graph_as_read_without_a_model(vocab, word, dep, tag, expected):
    rows = ["Smith PROPN NNP nsubj 2 B-PERSON"] + ([f"{word} PART {tag} {dep} 2"] if word else []) + [
        "sack VERB VB ROOT 2 O sack", "Jones PROPN NNP dobj 2 B-PERSON", ". PUNCT . punct 2"]
    if not word:  # "Smith sacked Jones ."
        rows = ["Smith PROPN NNP nsubj 1 B-PERSON", "sacked VERB VBD ROOT 1 O sack", "Jones PROPN NNP dobj 1 B-PERSON",
                ". PUNCT . punct 1"]
    extraction = extraction_of(parsed(vocab, "\n".join(rows)))
    assert readings_of(extraction) == expected
    assert_graph_keeps_the_readings(extraction, expected)


def test_a_race_left_is_a_withdrawal_not_a_resignation_without_a_model(vocab):
    doc = parsed(vocab, """
        Jones    PROPN NNP nsubj 1 B-PERSON
        stepped  VERB  VBD ROOT  1 O step
        aside    ADV   RB  prt   1
        as       ADP   IN  prep  1
        the      DET   DT  det   5
        nominee  NOUN  NN  pobj  3 O nominee
        .        PUNCT .   punct 1
    """)
    assert readings_of(extraction_of(doc)) == {("withdrew", "Jones", None, "asserted")}
    office = parsed(vocab, """
        Jones    PROPN NNP nsubj 1 B-PERSON
        stepped  VERB  VBD ROOT  1 O step
        aside    ADV   RB  prt   1
        as       ADP   IN  prep  1
        the      DET   DT  det   5
        chairman NOUN  NN  pobj  3 O chairman
        .        PUNCT .   punct 1
    """)
    assert readings_of(extraction_of(office)) == {("resigned", "Jones", None, "asserted")}


# "Jones's reelection bid faltered ." - the story has Jones running
RUNNING = """
    Jones     PROPN NNP poss     3 B-PERSON
    's        PART  POS case     0
    reelection NOUN NN  compound 3 O reelection
    bid       NOUN  NN  nsubj    4 O bid
    faltered  VERB  VBD ROOT     4 O falter
    .         PUNCT .   punct    4
"""


def test_a_bare_exit_of_someone_running_leaves_the_race_without_a_model(vocab):
    # "... Jones stepped aside ." / "... Smith called on Jones to step aside ."
    doc = parsed(vocab, RUNNING + """
        Jones    PROPN NNP nsubj 7 B-PERSON
        stepped  VERB  VBD ROOT  7 O step
        aside    ADV   RB  prt   7
        .        PUNCT .   punct 7
    """)
    assert readings_of(extraction_of(doc)) == {("withdrew", "Jones", None, "asserted")}
    call = parsed(vocab, RUNNING + """
        Smith    PROPN NNP nsubj 7 B-PERSON
        called   VERB  VBD ROOT  7 O call
        on       ADP   IN  prep  7
        Jones    PROPN NNP pobj  8 B-PERSON
        to       PART  TO  aux   11
        step     VERB  VB  xcomp 7 O step
        aside    ADV   RB  prt   11
        .        PUNCT .   punct 7
    """)
    assert ("askedToWithdraw", "Smith", "Jones", "asserted") in readings_of(extraction_of(call))
    assert not any(r[0] == "askedToResign" for r in readings_of(extraction_of(call)))


@pytest.mark.parametrize("running", [
    # "Mary Jones spoke . The Jones campaign faltered ." - her campaign, a body of its own, says she runs
    """
        Mary     PROPN NNP compound 1 B-PERSON
        Jones    PROPN NNP nsubj    2 I-PERSON
        spoke    VERB  VBD ROOT     2 O speak
        .        PUNCT .   punct    2
        The      DET   DT  det      6
        Jones    PROPN NNP compound 6 B-PERSON
        campaign NOUN  NN  nsubj    7
        faltered VERB  VBD ROOT     7 O falter
        .        PUNCT .   punct    7
    """,
    # "Neither candidate - Mary Jones or John Smith - won ." - the names beside the word
    """
        Neither  DET   DT  det      1
        candidate NOUN NN  nsubj    9
        -        PUNCT :   punct    1
        Mary     PROPN NNP compound 4 B-PERSON
        Jones    PROPN NNP appos    1 I-PERSON
        or       CCONJ CC  cc       4
        John     PROPN NNP compound 7 B-PERSON
        Smith    PROPN NNP conj     4 I-PERSON
        -        PUNCT :   punct    1
        won      VERB  VBD ROOT     9 O win
        .        PUNCT .   punct    9
    """,
])
def test_a_campaign_or_a_candidate_named_beside_the_word_runs_without_a_model(vocab, running):
    # "... Jones stepped aside ."
    rows = [line for line in running.strip().splitlines()]
    offset = len(rows)
    doc = parsed(vocab, running + f"""
        Jones    PROPN NNP nsubj {offset + 1} B-PERSON
        stepped  VERB  VBD ROOT  {offset + 1} O step
        aside    ADV   RB  prt   {offset + 1}
        .        PUNCT .   punct {offset + 1}
    """)
    assert ("withdrew", "Mary Jones", None, "asserted") in readings_of(extraction_of(doc))
    assert not any(r[0] == "resigned" for r in readings_of(extraction_of(doc)))


def test_one_who_left_a_race_leaves_it_again_in_a_bare_exit_without_a_model(vocab):
    # "Jones quit the race . Jones stepped aside ." - she ran (nothing else says so), so both are
    # one withdrawal, neither a resignation
    doc = parsed(vocab, """
        Jones    PROPN NNP nsubj 1 B-PERSON
        quit     VERB  VBD ROOT  1 O quit
        the      DET   DT  det   3
        race     NOUN  NN  dobj  1
        .        PUNCT .   punct 1
        Jones    PROPN NNP nsubj 6 B-PERSON
        stepped  VERB  VBD ROOT  6 O step
        aside    ADV   RB  prt   6
        .        PUNCT .   punct 6
    """)
    assert readings_of(extraction_of(doc)) == {("withdrew", "Jones", None, "asserted")}
    assert len([r for r in extraction_of(doc).relations if r.predicate == "withdrew"]) == 2


def test_whom_a_call_to_step_aside_asks_is_not_what_is_left_without_a_model(vocab):
    # "... Smith urged Jones to step aside ." - Jones, the verb's object, is the one asked to go,
    # not an office named ("urged Jones to step aside as chairman" would be)
    call = parsed(vocab, RUNNING + """
        Smith    PROPN NNP nsubj 7 B-PERSON
        urged    VERB  VBD ROOT  7 O urge
        Jones    PROPN NNP dobj  7 B-PERSON
        to       PART  TO  aux   10
        step     VERB  VB  xcomp 7 O step
        aside    ADV   RB  prt   10
        .        PUNCT .   punct 7
    """)
    readings = readings_of(extraction_of(call))
    assert ("askedToWithdraw", "Smith", "Jones", "asserted") in readings
    assert not any(r[0] == "askedToResign" for r in readings)


def test_an_exit_that_names_an_office_or_says_resign_stays_a_resignation_without_a_model(vocab):
    # "... Jones stepped down as chairman ." / "... Jones resigned ." / no race: "Jones stepped aside ."
    named = parsed(vocab, RUNNING + """
        Jones    PROPN NNP nsubj 7 B-PERSON
        stepped  VERB  VBD ROOT  7 O step
        down     ADV   RB  prt   7
        as       ADP   IN  prep  7
        chairman NOUN  NN  pobj  10 O chairman
        .        PUNCT .   punct 7
    """)
    assert readings_of(extraction_of(named)) == {("resigned", "Jones", None, "asserted")}
    resigned = parsed(vocab, RUNNING + """
        Jones    PROPN NNP nsubj 7 B-PERSON
        resigned VERB  VBD ROOT  7 O resign
        .        PUNCT .   punct 7
    """)
    assert readings_of(extraction_of(resigned)) == {("resigned", "Jones", None, "asserted")}
    alone = parsed(vocab, """
        Jones    PROPN NNP nsubj 1 B-PERSON
        stepped  VERB  VBD ROOT  1 O step
        aside    ADV   RB  prt   1
        .        PUNCT .   punct 1
    """)
    assert readings_of(extraction_of(alone)) == {("resigned", "Jones", None, "asserted")}


def test_a_denied_report_reaches_the_graph_as_denied_without_a_model(vocab):
    doc = parsed(vocab, """
        Aides   NOUN  NNS nsubj 1
        denied  VERB  VBD ROOT  1 O deny
        reports NOUN  NNS dobj  1 O report
        that    SCONJ IN  mark  6
        Smith   PROPN NNP nsubj 6 B-PERSON
        had     AUX   VBD aux   6 O have
        sacked  VERB  VBN acl   2 O sack
        Jones   PROPN NNP dobj  6 B-PERSON
        .       PUNCT .   punct 1
    """)
    extraction = extraction_of(doc)
    assert readings_of(extraction) == {("fired", "Smith", "Jones", "denied")}
    assert_graph_keeps_the_readings(extraction, {("fired", "Smith", "Jones", "denied")})


def test_attribution_and_weekday(nlp):
    from datetime import date

    from govgraph.build import extract_articles

    article = Article(text="John Smith asked Mary Jones to resign on Wednesday, according to Peter Brown.",
                      source="x", published=date(2022, 11, 11))
    (extraction,) = extract_articles([article])
    (ask,) = [r for r in extraction.relations if r.predicate == "askedToResign"]
    assert ask.attributed_to.label == "Peter Brown"
    assert ask.time_text == "Wednesday" and ask.event_date == "2022-11-09"


def test_seed_relations_have_evidence(seed_extraction):
    asserted = {(r.predicate, r.subject.label, r.object.label if r.object else None)
                for r in seed_extraction.relations if r.modality == "asserted"}
    # first, the relations the story is about are there (an empty extraction has no evidence to check)
    assert {("askedToResign", "Alejandro N. Mayorkas", "Chris Magnus"), ("askedToResign", "John Tien", "Chris Magnus"),
            ("threatenedToFire", "Alejandro N. Mayorkas", "Chris Magnus"),
            ("refusedToResign", "Chris Magnus", "Alejandro N. Mayorkas")} <= asserted
    for relation in seed_extraction.relations:
        assert relation.rule and 0 < relation.confidence <= 1
        sentence = seed_extraction.sentences[relation.sentence].text
        # the words that triggered it are in the sentence given as its evidence
        words = relation.trigger.replace("...", " ").split()
        assert words and all(word in sentence for word in words), (relation.trigger, sentence)


@pytest.mark.slow
def test_a_million_character_one_sentence_record_reads_in_linear_time(nlp):
    """A run-on record (no full stop in a million characters, a relation every few words) is read
    within half the time spaCy takes to parse it: nothing walks the whole sentence per token."""
    import random
    import time

    from govgraph.build import extract_articles
    from govgraph.load import MAX_ARTICLE_CHARS

    rnd = random.Random(7)
    first, last = ["Jane", "John", "Mary", "Tom", "Alice", "Bob"], ["Doe", "Roe", "Smith", "Brown", "Jones", "Moore"]
    verbs = ["criticized", "fired", "appointed", "praised", "met with", "asked to resign", "succeeded", "backed"]
    parts, size = [], 0
    while size < MAX_ARTICLE_CHARS:
        part = (f"{rnd.choice(first)} {rnd.choice(last)} {rnd.choice(verbs)} {rnd.choice(first)} {rnd.choice(last)} "
                f"on Monday, according to officials, and")
        parts.append(part)
        size += len(part) + 1
    text = ("Run-on record\n\n" + " ".join(parts))[:MAX_ARTICLE_CHARS - 1] + "."
    started = time.perf_counter()
    nlp(text)
    parsing = time.perf_counter() - started
    started = time.perf_counter()
    (extraction,) = extract_articles([Article(text=text, source="run-on.txt")])
    reading = time.perf_counter() - started
    assert len(extraction.relations) > 10_000
    assert reading <= 1.5 * parsing, f"parse {parsing:.1f} s, parse and read {reading:.1f} s"


def test_a_critic_or_supporter_named_by_the_copula_or_an_appositive_without_a_model(vocab):
    # "Jones was a critic of Smith ." / "Jones , a supporter of Smith , spoke ."
    critic = parsed(vocab, """
        Jones   PROPN NNP nsubj 1 B-PERSON
        was     AUX   VBD ROOT  1 O be
        a       DET   DT  det   3
        critic  NOUN  NN  attr  1 O critic
        of      ADP   IN  prep  3
        John    PROPN NNP compound 5 B-PERSON
        Smith   PROPN NNP pobj  4 I-PERSON
        .       PUNCT .   punct 1
    """)
    assert readings_of(extraction_of(critic)) == {("criticized", "Jones", "John Smith", "asserted")}
    supporter = parsed(vocab, """
        Jones     PROPN NNP nsubj 8 B-PERSON
        ,         PUNCT ,   punct 0
        a         DET   DT  det   3
        supporter NOUN  NN  appos 0 O supporter
        of        ADP   IN  prep  3
        John      PROPN NNP compound 6 B-PERSON
        Smith     PROPN NNP pobj  4 I-PERSON
        ,         PUNCT ,   punct 0
        spoke     VERB  VBD ROOT  8 O speak
        .         PUNCT .   punct 8
    """)
    assert readings_of(extraction_of(supporter)) == {("supported", "Jones", "John Smith", "asserted")}


def test_an_adjective_that_judges_its_object_or_whose_it_is_without_a_model(vocab):
    # "Jones was critical of Smith 's plan ." / "Jones , supportive of John Smith , spoke ."
    critical = parsed(vocab, """
        Jones    PROPN NNP nsubj  1 B-PERSON
        was      AUX   VBD ROOT   1 O be
        critical ADJ   JJ  acomp  1 O critical
        of       ADP   IN  prep   2
        John     PROPN NNP compound 5 B-PERSON
        Smith    PROPN NNP poss   7 I-PERSON
        's       PART  POS case   5
        plan     NOUN  NN  pobj   3
        .        PUNCT .   punct  1
    """)
    assert readings_of(extraction_of(critical)) == {("criticized", "Jones", "John Smith", "asserted")}
    supportive = parsed(vocab, """
        Jones      PROPN NNP nsubj 7 B-PERSON
        ,          PUNCT ,   punct 0
        supportive ADJ   JJ  amod  0 O supportive
        of         ADP   IN  prep  2
        John       PROPN NNP compound 5 B-PERSON
        Smith      PROPN NNP pobj  3 I-PERSON
        ,          PUNCT ,   punct 0
        spoke      VERB  VBD ROOT  7 O speak
        .          PUNCT .   punct 7
    """)
    assert readings_of(extraction_of(supportive)) == {("supported", "Jones", "John Smith", "asserted")}


def test_what_is_done_to_a_noun_is_done_to_those_it_includes_without_a_model(vocab):
    # "a video of Jones attacking several ministers , including Smith and Brown ."
    doc = parsed(vocab, """
        a          DET   DT  det      1
        video      NOUN  NN  ROOT     1
        of         ADP   IN  prep     1
        Mary       PROPN NNP compound 4 B-PERSON
        Jones      PROPN NNP pobj     2 I-PERSON
        attacking  VERB  VBG acl      1 O attack
        several    ADJ   JJ  amod     7
        ministers  NOUN  NNS dobj     5 O minister
        ,          PUNCT ,   punct    7
        including  VERB  VBG prep     7 O include
        John       PROPN NNP compound 11 B-PERSON
        Smith      PROPN NNP pobj     9 I-PERSON
        and        CCONJ CC  cc       11
        Ann        PROPN NNP compound 14 B-PERSON
        Brown      PROPN NNP conj     11 I-PERSON
        .          PUNCT .   punct    1
    """)
    assert {r[:3] for r in readings_of(extraction_of(doc))} == {("criticized", "Mary Jones", "John Smith"),
                                                                ("criticized", "Mary Jones", "Ann Brown")}


def test_a_reported_judgement_is_read_by_the_sentiment_lexicon_without_a_model(vocab):
    # "Jane Doe said John Smith 's handling was a disaster ."
    handling = parsed(vocab, """
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    2 I-PERSON
        said      VERB  VBD ROOT     2 O say
        John      PROPN NNP compound 4 B-PERSON
        Smith     PROPN NNP poss     6 I-PERSON
        's        PART  POS case     4
        handling  NOUN  NN  nsubj    7 O handling
        was       AUX   VBD ccomp    2 O be
        a         DET   DT  det      9
        disaster  NOUN  NN  attr     7 O disaster
        .         PUNCT .   punct    2
    """)
    assert readings_of(extraction_of(handling)) == {("criticized", "Jane Doe", "John Smith", "asserted")}
    (relation,) = extraction_of(handling).relations
    assert relation.trigger == "said ... disaster"


def test_what_someone_should_stop_judges_them_and_is_no_praise_without_a_model(vocab):
    # "Jane Doe said John Smith should stop this rigged witch hunt right now ." - "right" is no praise
    doc = parsed(vocab, """
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    2 I-PERSON
        said      VERB  VBD ROOT     2 O say
        John      PROPN NNP compound 4 B-PERSON
        Smith     PROPN NNP nsubj    6 I-PERSON
        should    AUX   MD  aux      6
        stop      VERB  VB  ccomp    2 O stop
        this      DET   DT  det      10
        rigged    ADJ   JJ  amod     10
        witch     NOUN  NN  compound 10
        hunt      NOUN  NN  dobj     6 O hunt
        right     ADV   RB  advmod   12
        now       ADV   RB  advmod   6
        .         PUNCT .   punct    2
    """)
    assert readings_of(extraction_of(doc)) == {("criticized", "Jane Doe", "John Smith", "asserted")}


@pytest.mark.parametrize("clause", [
    """
        kissed    VERB  VBD ccomp    2 O kiss
        her       PRON  PRP dobj     5
    """,  # "... said John Smith kissed her .": an event, whatever its valence, is no stance
    """
        should    AUX   MD  aux      6
        resign    VERB  VB  ccomp    2 O resign
        or        CCONJ CC  cc       6
        else      ADV   RB  advmod   6
        be        AUX   VB  auxpass  10
        fired     VERB  VBN conj     6 O fire
    """,  # "... said John Smith should resign or else be fired .": a call to go, which the ask
        # rules read; "fired" would read as a harsh judgement
])
def test_a_reported_event_or_call_to_go_is_no_judgement_without_a_model(vocab, clause):
    doc = parsed(vocab, """
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    2 I-PERSON
        said      VERB  VBD ROOT     2 O say
        John      PROPN NNP compound 4 B-PERSON
        Smith     PROPN NNP nsubj    """ + ("6" if "should" in clause else "5") + """ I-PERSON
    """ + clause + """
        .         PUNCT .   punct    2
    """)
    assert not {r for r in readings_of(extraction_of(doc)) if r[0] in ("criticized", "supported")}


@pytest.mark.parametrize("deed, expected", [
    ("groped VERB VBD ccomp 2 O grope", {("criticized", "Jane Doe", "John Smith", "asserted")}),
    ("bullied VERB VBD ccomp 2 O bully", {("criticized", "Jane Doe", "John Smith", "asserted")}),
    ("met VERB VBD ccomp 2 O meet", set()),  # an event that is no misconduct
])
def test_misconduct_alleged_in_a_reported_clause_without_a_model(vocab, deed, expected):
    # "Jane Doe says John Smith groped her ."
    doc = parsed(vocab, f"""
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    2 I-PERSON
        says      VERB  VBZ ROOT     2 O say
        John      PROPN NNP compound 4 B-PERSON
        Smith     PROPN NNP nsubj    5 I-PERSON
        {deed}
        her       PRON  PRP dobj     5
        .         PUNCT .   punct    2
    """)
    assert readings_of(extraction_of(doc)) == expected


def test_misconduct_done_to_the_subject_is_not_alleged_of_it_without_a_model(vocab):
    # "Jane Doe said John Smith was not harassed ." - passive and negated: nobody is accused
    doc = parsed(vocab, """
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    2 I-PERSON
        said      VERB  VBD ROOT     2 O say
        John      PROPN NNP compound 4 B-PERSON
        Smith     PROPN NNP nsubjpass 7 I-PERSON
        was       AUX   VBD auxpass  7
        not       PART  RB  neg      7
        harassed  VERB  VBN ccomp    2 O harass
        .         PUNCT .   punct    2
    """)
    assert not readings_of(extraction_of(doc))


@pytest.mark.parametrize("left, lemma, expected", [
    ("job", "job", {("resigned", "Mary Jones", None, "asserted")}),  # a post, hers: not left to herself
    ("talks", "talk", set()),  # no post is left
])
def test_what_is_quit_must_be_a_post_or_a_body_without_a_model(vocab, left, lemma, expected):
    # "Mary Jones quit her job ." / "Mary Jones quit the talks ."
    doc = parsed(vocab, f"""
        Mary    PROPN NNP compound 1 B-PERSON
        Jones   PROPN NNP nsubj    2 I-PERSON
        quit    VERB  VBD ROOT     2 O quit
        her     PRON  PRP$ poss    4
        {left}  NOUN  NN  dobj     2 O {lemma}
        .       PUNCT .   punct    2
    """)
    assert readings_of(extraction_of(doc)) == expected


@pytest.mark.parametrize("manner, expected", [
    ("""
        as      ADP   IN  prep     2
        a       DET   DT  det      7
        crank   NOUN  NN  pobj     5 O crank
    """, set()),  # "... as a crank": named, not put out of a post
    ("""
        by      ADP   IN  prep     2
        saying  VERB  VBG pcomp    5 O say
        so      ADV   RB  advmod   6
    """, set()),  # "... by saying so": brushed off in words
    ("""
        as      ADP   IN  prep     2
        the     DET   DT  det      7
        chairman NOUN NN  pobj     5 O chairman
    """, {("fired", "John Smith", "Mary Jones", "asserted")}),  # "... as the chairman": a post
])
def test_a_verb_of_firing_that_brushes_someone_off_is_no_firing_without_a_model(vocab, manner, expected):
    # "John Smith dismissed Mary Jones as a crank / by saying so / as the chairman ."
    doc = parsed(vocab, """
        John      PROPN NNP compound 1 B-PERSON
        Smith     PROPN NNP nsubj    2 I-PERSON
        dismissed VERB  VBD ROOT     2 O dismiss
        Mary      PROPN NNP compound 4 B-PERSON
        Jones     PROPN NNP dobj     2 I-PERSON
    """ + manner + """
        .         PUNCT .   punct    2
    """)
    assert {r for r in readings_of(extraction_of(doc)) if r[0] == "fired"} == expected


@pytest.mark.parametrize("prefix, expected", [
    ("pro", {("supported", "Jane Doe", "John Smith", "asserted")}),
    ("anti", {("criticized", "Jane Doe", "John Smith", "asserted")}),
    ("non", set()),  # no stance
])
def test_a_prefix_glued_to_a_name_says_what_the_one_described_is_for_or_against_without_a_model(
        vocab, prefix, expected):
    # "John Smith won . Jane Doe , a pro-Smith blogger , spoke ." - "Smith" is the story's John Smith
    doc = parsed(vocab, f"""
        John      PROPN NNP compound 1 B-PERSON
        Smith     PROPN NNP nsubj    2 I-PERSON
        won       VERB  VBD ROOT     2 O win
        .         PUNCT .   punct    2
        Jane      PROPN NNP compound 5 B-PERSON
        Doe       PROPN NNP nsubj    13 I-PERSON
        ,         PUNCT ,   punct    5
        a         DET   DT  det      11
        {prefix}  ADJ   JJ  amod     11
        -         PUNCT HYPH punct   11
        Smith     PROPN NNP amod     11
        blogger   NOUN  NN  appos    5
        ,         PUNCT ,   punct    5
        spoke     VERB  VBD ROOT     13 O speak
        .         PUNCT .   punct    13
    """, glued=frozenset({8, 9}))
    assert readings_of(extraction_of(doc)) == expected


def test_an_arm_acts_for_what_it_is_an_arm_of_without_a_model(vocab):
    # "Doe has the support of the arms of Acme and Zenith ."
    doc = parsed(vocab, """
        Doe      PROPN NNP nsubj    1 B-PERSON
        has      VERB  VBZ ROOT     1 O have
        the      DET   DT  det      3
        support  NOUN  NN  dobj     1 O support
        of       ADP   IN  prep     3
        the      DET   DT  det      6
        arms     NOUN  NNS pobj     4 O arm
        of       ADP   IN  prep     6
        Acme     PROPN NNP pobj     7 B-ORG
        and      CCONJ CC  cc       8
        Zenith   PROPN NNP conj     8 B-ORG
        .        PUNCT .   punct    1
    """)
    assert {(r[1], r[2]) for r in readings_of(extraction_of(doc)) if r[0] == "supported"} == {
        ("Acme", "Doe"), ("Zenith", "Doe")}


def test_a_plural_trigger_noun_is_read_by_its_lemma_without_a_model(vocab):
    # "Jane Doe 's attacks on John Smith continued ."
    doc = parsed(vocab, """
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP poss     3 I-PERSON
        's        PART  POS case     1
        attacks   NOUN  NNS nsubj    7 O attack
        on        ADP   IN  prep     3
        John      PROPN NNP compound 6 B-PERSON
        Smith     PROPN NNP pobj     4 I-PERSON
        continued VERB  VBD ROOT     7 O continue
        .         PUNCT .   punct    7
    """)
    assert readings_of(extraction_of(doc)) == {("criticized", "Jane Doe", "John Smith", "asserted")}


def test_a_list_along_with_the_subject_acts_with_it_without_a_model(vocab):
    # "Doe endorsed Smith , along with Lee and Roe ." - "along with" set on the verb, a list in it
    doc = parsed(vocab, """
        Doe      PROPN NNP nsubj 1 B-PERSON
        endorsed VERB  VBD ROOT  1 O endorse
        Smith    PROPN NNP dobj  1 B-PERSON
        ,        PUNCT ,   punct 1
        along    ADP   IN  prep  1
        with     ADP   IN  prep  4
        Lee      PROPN NNP pobj  5 B-PERSON
        and      CCONJ CC  cc    6
        Roe      PROPN NNP conj  6 B-PERSON
        .        PUNCT .   punct 1
    """)
    assert {r[1] for r in readings_of(extraction_of(doc)) if r[0] == "supported"} == {"Doe", "Lee", "Roe"}


def test_what_belongs_to_someone_is_not_them_when_firing_without_a_model(vocab):
    # "Jane Doe dismissed John Smith 's remarks ." - remarks are dismissed, nobody is fired
    doc = parsed(vocab, """
        Jane       PROPN NNP compound 1 B-PERSON
        Doe        PROPN NNP nsubj    2 I-PERSON
        dismissed  VERB  VBD ROOT     2 O dismiss
        John       PROPN NNP compound 4 B-PERSON
        Smith      PROPN NNP poss     6 I-PERSON
        's         PART  POS case     4
        remarks    NOUN  NNS dobj     2 O remark
        .          PUNCT .   punct    2
    """)
    assert not {r for r in readings_of(extraction_of(doc)) if r[0] == "fired"}


def test_what_someone_comes_under_or_draws_from_another_is_that_ones_act_without_a_model(vocab):
    # "Jones came under fire from Ann Smith ." / "Jones drew much criticism from Ann Smith ." ("from"
    # on the verb)
    def reading(verb, lemma, prep, noun, dep):
        return relations_of(parsed(vocab, f"""
            Jones   PROPN NNP nsubj 1 B-PERSON
            {verb}  VERB  VBD ROOT  1 O {lemma}
            {prep}
            {noun}  NOUN  NN  {dep}
            from    ADP   IN  prep  1
            Ann     PROPN NNP compound 6 B-PERSON
            Smith   PROPN NNP pobj  4 I-PERSON
            .       PUNCT .   punct 1
        """))

    assert reading("came", "come", "under ADP IN prep 1", "fire", "pobj 2") == {("criticized", "Ann Smith", "Jones", "asserted")}
    assert reading("drew", "draw", "much ADJ JJ amod 3", "criticism", "dobj 1") == {("criticized", "Ann Smith", "Jones", "asserted")}
    assert reading("came", "come", "near ADP IN prep 1", "fire", "pobj 2") == set()


def test_a_participle_on_what_someone_puts_out_is_their_act_without_a_model(vocab):
    # "Smith issued a statement condemning Jones ." / "... a photo condemning ..." (no speech noun)
    def reading(noun):
        return relations_of(parsed(vocab, f"""
            Smith      PROPN NNP nsubj 1 B-PERSON
            issued     VERB  VBD ROOT  1 O issue
            a          DET   DT  det   3
            {noun}     NOUN  NN  dobj  1
            condemning VERB  VBG acl   3 O condemn
            Jones      PROPN NNP dobj  4 B-PERSON
            .          PUNCT .   punct 1
        """))

    assert reading("statement") == {("criticized", "Smith", "Jones", "asserted")}
    assert reading("photo") == set()


def test_a_quotation_carried_into_the_next_sentence_judges_whom_it_is_about_without_a_model(vocab):
    # '"We met," Jane Doe said. "John Smith is a liar."' - the second sentence is still hers
    doc = parsed(vocab, """
        \u201c        PUNCT ``  punct    7
        We        PRON  PRP nsubj    2 O we
        met       VERB  VBD ccomp    7 O meet
        ,         PUNCT ,   punct    7
        \u201d        PUNCT ''  punct    7
        Jane      PROPN NNP compound 6 B-PERSON
        Doe       PROPN NNP nsubj    7 I-PERSON
        said      VERB  VBD ROOT     7 O say
        .         PUNCT .   punct    7
        \u201c        PUNCT ``  punct    12
        John      PROPN NNP compound 11 B-PERSON
        Smith     PROPN NNP nsubj    12 I-PERSON
        is        AUX   VBZ ROOT     12 O be
        a         DET   DT  det      14
        liar      NOUN  NN  attr     12 O liar
        .         PUNCT .   punct    12
        \u201d        PUNCT ''  punct    12
    """)
    assert readings_of(extraction_of(doc)) == {("criticized", "Jane Doe", "John Smith", "asserted")}
    (relation,) = extraction_of(doc).relations
    assert relation.trigger == "\u201c... liar"


def test_a_clause_joined_with_its_own_subject_says_nothing_of_the_first_without_a_model(vocab):
    # "Jane Doe said John Smith is here but Mary Jones lied ." - the lie is not said of Smith
    doc = parsed(vocab, """
        Jane   PROPN NNP compound 1 B-PERSON
        Doe    PROPN NNP nsubj    2 I-PERSON
        said   VERB  VBD ROOT     2 O say
        John   PROPN NNP compound 4 B-PERSON
        Smith  PROPN NNP nsubj    5 I-PERSON
        is     AUX   VBZ ccomp    2 O be
        here   ADV   RB  advmod   5
        but    CCONJ CC  cc       5
        Mary   PROPN NNP compound 9 B-PERSON
        Jones  PROPN NNP nsubj    10 I-PERSON
        lied   VERB  VBD conj     5 O lie
        .      PUNCT .   punct    2
    """)
    assert readings_of(extraction_of(doc)) == set()


def test_a_pronoun_heads_a_list_of_agents_without_a_model(vocab):
    # "He and Jones endorsed Roe .": the pronoun (unresolved here) heads the list, Jones still acts
    assert relations_of(parsed(vocab, """
        He       PRON  PRP nsubj 3
        and      CCONJ CC  cc    0
        Jones    PROPN NNP conj  0 B-PERSON
        endorsed VERB  VBD ROOT  3 O endorse
        Roe      PROPN NNP dobj  3 B-PERSON
        .        PUNCT .   punct 3
    """)) == {("supported", "Jones", "Roe", "asserted")}


def test_a_name_that_owns_the_object_is_not_one_too_without_a_model(vocab):
    # "Kevin Doe took a different tack , dismissing John Roe 's remarks as satire ." parsed with
    # two objects of "dismissing": Roe owns the remarks, which are brushed off, and no one is fired
    assert relations_of(parsed(vocab, """
        Kevin      PROPN NNP compound 1 B-PERSON
        Doe        PROPN NNP nsubj    2 I-PERSON
        took       VERB  VBD ROOT     2 O take
        a          DET   DT  det      5
        different  ADJ   JJ  amod     5
        tack       NOUN  NN  dobj     2
        ,          PUNCT ,   punct    2
        dismissing VERB  VBG advcl    2 O dismiss
        John       PROPN NNP compound 9 B-PERSON
        Roe        PROPN NNP dobj     7 I-PERSON
        's         PART  POS case     9
        remarks    NOUN  NNS dobj     7 O remark
        as         ADP   IN  prep     11
        satire     NOUN  NN  pobj     12
        .          PUNCT .   punct    2
    """)) == set()


def test_one_endorsed_to_succeed_has_not_succeeded_and_the_endorser_neither_without_a_model(vocab):
    # "Mary Jones met Ann Lee , whom John Roe endorsed to replace Jane Doe ." parsed with "whom" on
    # the infinitive: a wish for Ann Lee, not John Roe's succession
    assert relations_of(parsed(vocab, """
        Mary     PROPN NNP compound 1 B-PERSON
        Jones    PROPN NNP nsubj    2 I-PERSON
        met      VERB  VBD ROOT     2 O meet
        Ann      PROPN NNP compound 4 B-PERSON
        Lee      PROPN NNP dobj     2 I-PERSON
        ,        PUNCT ,   punct    4
        whom     PRON  WP  dobj     11
        John     PROPN NNP compound 8 B-PERSON
        Roe      PROPN NNP nsubj    9 I-PERSON
        endorsed VERB  VBD relcl    4 O endorse
        to       PART  TO  aux      11
        replace  VERB  VB  xcomp    9 O replace
        Jane     PROPN NNP compound 13 B-PERSON
        Doe      PROPN NNP dobj     11 I-PERSON
        .        PUNCT .   punct    2
    """)) == {("metWith", "Mary Jones", "Ann Lee", "asserted")}


def test_who_replaces_another_with_someone_makes_that_one_the_successor_without_a_model(vocab):
    # "The board replaced John Roe with Ann Lee ."
    assert relations_of(parsed(vocab, """
        The      DET   DT  det      1
        board    NOUN  NN  nsubj    2
        replaced VERB  VBD ROOT     2 O replace
        John     PROPN NNP compound 4 B-PERSON
        Roe      PROPN NNP dobj     2 I-PERSON
        with     ADP   IN  prep     4
        Ann      PROPN NNP compound 7 B-PERSON
        Lee      PROPN NNP pobj     5 I-PERSON
        .        PUNCT .   punct    2
    """)) == {("succeeded", "Ann Lee", "John Roe", "asserted")}
