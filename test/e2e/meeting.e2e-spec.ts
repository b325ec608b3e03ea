import { randomUUID } from 'node:crypto';
import { MeetingEntity } from '../../src/modules/meeting/meeting.entity';
import { createTestApp, type TestApp } from '../support/test-app';
import { NOT_LOGGED_IN, bankNotFound } from '../support/obp-error-bodies';

const V = '/obp/v3.1.0';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const meetingNotFound = (meetingId: string) => ({
  code: 400,
  message: `OBP-30104: Meeting not found. Current MeetingId(${meetingId}) `,
});
const badJson = (detail: string) => ({
  code: 400,
  message: `OBP-10001: Incorrect json format. The Json body should be the CreateMeetingJson (${detail})`,
});

const contact = {
  name: 'Simon ',
  mobile_phone: '+44 07972 444 876',
  email_address: 'felixsmith@example.com',
};
/** OBP's own example body (MeetingsTest). */
const body = {
  provider_id: 'Chris',
  purpose_id: 'onboarding',
  date: '1100-01-01T01:01:01Z',
  creator: contact,
  invitees: [{ contact_details: contact, status: 'String, eg: Good' }],
};

/** The MeetingJsonV310 that `body` posted at `bankId` by `userId` must produce. */
const expectedMeeting = (bankId: string, userId: string, posted = body) => ({
  meeting_id: expect.stringMatching(UUID),
  provider_id: posted.provider_id,
  purpose_id: posted.purpose_id,
  bank_id: bankId,
  present: { staff_user_id: '', customer_user_id: userId },
  keys: { session_id: '', staff_token: '', customer_token: '' },
  when: posted.date,
  creator: posted.creator,
  invitees: posted.invitees,
});

const omit = (o: Record<string, unknown>, key: string): Record<string, unknown> => {
  const copy = { ...o };
  delete copy[key];
  return copy;
};

describe('meetings (v3.1.0)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const meetingsAt = (bankId: string) => t.db.getRepository(MeetingEntity).countBy({ bankId });

  async function createMeeting(bankId: string, token: string, posted: object = body) {
    const res = await t.http.post(`${V}/banks/${bankId}/meetings`).set(t.auth(token)).send(posted);
    expect(res.status).toBe(201);
    return res.body as { meeting_id: string };
  }

  describe('resource docs', () => {
    it('lists the 3 meeting endpoints under the KYC tag (the seed page has 17 KYC APIs)', async () => {
      const res = await t.http.get(`${V}/resource-docs/v3.1.0/obp?tags=KYC`).expect(200);
      const ids = (res.body.resource_docs as { operation_id: string }[]).map((d) => d.operation_id);
      expect(ids).toEqual(
        expect.arrayContaining([
          'OBPv3.1.0-createMeeting',
          'OBPv3.1.0-getMeetings',
          'OBPv3.1.0-getMeeting',
        ]),
      );
    });
  });

  describe('POST /banks/BANK_ID/meetings', () => {
    it('answers 201 with the meeting, which GET one and GET list return unchanged', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken();
      const res = await t.http.post(`${V}/banks/${bank.id}/meetings`).set(t.auth(token)).send(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expectedMeeting(bank.id, user.id));
      const one = await t.http
        .get(`${V}/banks/${bank.id}/meetings/${res.body.meeting_id}`)
        .set(t.auth(token))
        .expect(200);
      expect(one.body).toEqual(res.body);
      const list = await t.http
        .get(`${V}/banks/${bank.id}/meetings`)
        .set(t.auth(token))
        .expect(200);
      expect(list.body).toEqual({ meetings: [res.body] });
    });

    it('needs no role: any logged-in user may create a meeting', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token();
      await createMeeting(bank.id, token);
      expect(await meetingsAt(bank.id)).toBe(1);
    });

    it.each([
      ['missing', omit(body, 'invitees')],
      ['null', { ...body, invitees: null }],
    ])('reads %s invitees as an empty list', async (_what, posted) => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken();
      const res = await t.http
        .post(`${V}/banks/${bank.id}/meetings`)
        .set(t.auth(token))
        .send(posted);
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expectedMeeting(bank.id, user.id, { ...body, invitees: [] }));
    });

    it('stores e-mail addresses trimmed and lower-cased, names as given, invitees in posted order', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken();
      const invitee = (n: number, email: string) => ({
        contact_details: { name: ` Invitee ${n} `, mobile_phone: '', email_address: email },
        status: n === 1 ? '' : 'Good',
      });
      const posted = {
        ...body,
        creator: { ...contact, email_address: ' Felix@Example.COM ' },
        invitees: [invitee(3, 'C@Example.com'), invitee(1, ' a@EXAMPLE.com'), invitee(2, '')],
      };
      const res = await t.http
        .post(`${V}/banks/${bank.id}/meetings`)
        .set(t.auth(token))
        .send(posted);
      expect(res.status).toBe(201);
      expect(res.body).toEqual(
        expectedMeeting(bank.id, user.id, {
          ...posted,
          creator: { ...contact, email_address: 'felix@example.com' },
          invitees: [invitee(3, 'c@example.com'), invitee(1, 'a@example.com'), invitee(2, '')],
        }),
      );
    });

    it('accepts a JSON number for a string field and stores its text', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token();
      const res = await t.http
        .post(`${V}/banks/${bank.id}/meetings`)
        .set(t.auth(token))
        .send({ ...body, purpose_id: 42, creator: { ...contact, mobile_phone: 4407972444876 } });
      expect(res.status).toBe(201);
      expect(res.body.purpose_id).toBe('42');
      expect(res.body.creator.mobile_phone).toBe('4407972444876');
    });

    it('is served under /obp/v5.1.0 but not under /obp/v2.0.0', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token();
      await t.http
        .post(`/obp/v5.1.0/banks/${bank.id}/meetings`)
        .set(t.auth(token))
        .send(body)
        .expect(201);
      const old = await t.http
        .post(`/obp/v2.0.0/banks/${bank.id}/meetings`)
        .set(t.auth(token))
        .send(body);
      expect(old.status).toBe(404);
      expect(old.body.message).toMatch(/^OBP-10404: /);
      expect(await meetingsAt(bank.id)).toBe(1);
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const bank = await t.seed.bank();
      const res = await t.http.post(`${V}/banks/${bank.id}/meetings`).send(body);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
      expect(await meetingsAt(bank.id)).toBe(0);
    });

    it('answers 404 OBP-30001 for an unknown BANK_ID', async () => {
      const token = await t.seed.token();
      const res = await t.http
        .post(`${V}/banks/no-such-bank/meetings`)
        .set(t.auth(token))
        .send(body);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
      expect(await meetingsAt('no-such-bank')).toBe(0);
    });

    describe('malformed bodies', () => {
      let bankId: string;
      let token: string;
      beforeAll(async () => {
        bankId = (await t.seed.bank()).id;
        token = await t.seed.token();
      });
      // invitees cannot exist without their meeting (foreign key), so this covers both tables
      afterEach(async () => expect(await meetingsAt(bankId)).toBe(0));

      const invitee = body.invitees[0];
      it.each([
        [
          'an invitee instead of a meeting (OBP "totally wrong json")',
          invitee,
          'provider_id must be a string',
        ],
        ['an empty body', {}, 'provider_id must be a string'],
        ['null for provider_id', { ...body, provider_id: null }, 'provider_id must be a string'],
        [
          'a space in provider_id',
          { ...body, provider_id: 'tok box' },
          'provider_id must not contain whitespace',
        ],
        [
          'a tab in purpose_id',
          { ...body, purpose_id: 'on\tboarding' },
          'purpose_id must not contain whitespace',
        ],
        [
          'a 65-character provider_id',
          { ...body, provider_id: 'p'.repeat(65) },
          'provider_id must be shorter than or equal to 64 characters',
        ],
        ['a missing date', omit(body, 'date'), 'date must be a date like 2017-09-19T00:00:00Z'],
        [
          'a date with milliseconds',
          { ...body, date: '2017-09-19T00:00:00.000Z' },
          'date must be a date like 2017-09-19T00:00:00Z',
        ],
        [
          'a date without time',
          { ...body, date: '2017-09-19' },
          'date must be a date like 2017-09-19T00:00:00Z',
        ],
        [
          'an impossible date',
          { ...body, date: '2017-02-30T00:00:00Z' },
          'date must be a date like 2017-09-19T00:00:00Z',
        ],
        ['a missing creator', omit(body, 'creator'), 'creator must be an object'],
        ['null for the creator', { ...body, creator: null }, 'creator must be an object'],
        ['a string for the creator', { ...body, creator: 'Simon' }, 'creator must be an object'],
        [
          'a creator without e-mail',
          { ...body, creator: omit(contact, 'email_address') },
          'creator.email_address must be a string',
        ],
        [
          'a 33-character creator phone',
          { ...body, creator: { ...contact, mobile_phone: '1'.repeat(33) } },
          'creator.mobile_phone must be shorter than or equal to 32 characters',
        ],
        [
          'a 101-character e-mail',
          { ...body, creator: { ...contact, email_address: `${'e'.repeat(89)}@example.com` } },
          'creator.email_address must be shorter than or equal to 100 characters',
        ],
        ['a string for invitees', { ...body, invitees: 'everyone' }, 'invitees must be an array'],
        [
          'null as an invitee',
          { ...body, invitees: [null] },
          'invitees.0: each value in nested property invitees must be either object or array',
        ],
        [
          'an invitee without status',
          { ...body, invitees: [omit(invitee, 'status')] },
          'invitees.0.status must be a string',
        ],
        [
          'an invitee with null contact details',
          { ...body, invitees: [invitee, { ...invitee, contact_details: null }] },
          'invitees.1.contact_details must be an object',
        ],
        [
          'an invitee with a 256-character name',
          {
            ...body,
            invitees: [{ ...invitee, contact_details: { ...contact, name: 'n'.repeat(256) } }],
          },
          'invitees.0.contact_details.name must be shorter than or equal to 255 characters',
        ],
      ])(
        'answers 400 OBP-10001 naming CreateMeetingJson for %s, storing nothing',
        async (_what, posted, detail) => {
          const res = await t.http
            .post(`${V}/banks/${bankId}/meetings`)
            .set(t.auth(token))
            .send(posted);
          expect(res.body).toEqual(badJson(detail));
          expect(res.status).toBe(400);
        },
      );

      it('writes the meeting and its invitees atomically: an invitee PostgreSQL cannot store rolls all back', async () => {
        const posted = {
          ...body,
          invitees: [invitee, { ...invitee, status: 'nul \u0000 byte' }],
        };
        const res = await t.http
          .post(`${V}/banks/${bankId}/meetings`)
          .set(t.auth(token))
          .send(posted);
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/^OBP-10001: Incorrect json format\./);
      });

      it('accepts a 32-character creator phone and 255-character invitee phones', async () => {
        const bank = await t.seed.bank();
        const posted = {
          ...body,
          creator: { ...contact, mobile_phone: '1'.repeat(32) },
          invitees: [
            { ...invitee, contact_details: { ...contact, mobile_phone: '2'.repeat(255) } },
          ],
        };
        await createMeeting(bank.id, token, posted);
      });
    });
  });

  describe('GET /banks/BANK_ID/meetings', () => {
    it('answers 200 with an empty list when there are none', async () => {
      const bank = await t.seed.bank();
      const res = await t.http
        .get(`${V}/banks/${bank.id}/meetings`)
        .set(t.auth(await t.seed.token()))
        .expect(200);
      expect(res.body).toEqual({ meetings: [] });
    });

    it('lists the latest `when` first, ties by meeting_id, and only meetings at this bank', async () => {
      const [bank, other] = [await t.seed.bank(), await t.seed.bank()];
      const token = await t.seed.token();
      const at = (date: string) => ({ ...body, date });
      const m2020 = await createMeeting(bank.id, token, at('2020-05-01T10:00:00Z'));
      const m2021a = await createMeeting(bank.id, token, at('2021-05-01T10:00:00Z'));
      const m2019 = await createMeeting(bank.id, token, at('2019-05-01T10:00:00Z'));
      const m2021b = await createMeeting(bank.id, token, at('2021-05-01T10:00:00Z'));
      await createMeeting(other.id, token, at('2022-05-01T10:00:00Z'));
      const res = await t.http.get(`${V}/banks/${bank.id}/meetings`).set(t.auth(token)).expect(200);
      const ties = [m2021a.meeting_id, m2021b.meeting_id].sort();
      expect(res.body.meetings.map((m: { meeting_id: string }) => m.meeting_id)).toEqual([
        ...ties,
        m2020.meeting_id,
        m2019.meeting_id,
      ]);
    });

    it('shows a user only the meetings they created or are invited to (by e-mail, any case)', async () => {
      const bank = await t.seed.bank();
      const creator = await t.seed.userWithToken();
      const email = `Invited.${randomUUID().slice(0, 8)}@Example.com`;
      const invited = await t.seed.user({ email });
      const invitedToken = await t.seed.login(invited.username);
      const strangerToken = await t.seed.token();
      const withInvitee = await createMeeting(bank.id, creator.token, {
        ...body,
        invitees: [
          {
            contact_details: { ...contact, email_address: ` ${email.toUpperCase()}` },
            status: 'Good',
          },
        ],
      });
      const withoutInvitee = await createMeeting(bank.id, creator.token, { ...body, invitees: [] });
      const ids = async (token: string) =>
        (
          await t.http.get(`${V}/banks/${bank.id}/meetings`).set(t.auth(token)).expect(200)
        ).body.meetings.map((m: { meeting_id: string }) => m.meeting_id);
      expect((await ids(creator.token)).sort()).toEqual(
        [withInvitee.meeting_id, withoutInvitee.meeting_id].sort(),
      );
      expect(await ids(invitedToken)).toEqual([withInvitee.meeting_id]);
      expect(await ids(strangerToken)).toEqual([]);
    });

    it('shows every meeting at the bank to holders of CanGetMeetingsAtOneBank at that bank only', async () => {
      const bank = await t.seed.bank();
      const creator = await t.seed.token();
      const meeting = await createMeeting(bank.id, creator);
      const staff = await t.seed.token({ CanGetMeetingsAtOneBank: bank.id });
      const elsewhere = await t.seed.token({ CanGetMeetingsAtOneBank: (await t.seed.bank()).id });
      const res = await t.http.get(`${V}/banks/${bank.id}/meetings`).set(t.auth(staff)).expect(200);
      expect(res.body.meetings.map((m: { meeting_id: string }) => m.meeting_id)).toEqual([
        meeting.meeting_id,
      ]);
      const none = await t.http
        .get(`${V}/banks/${bank.id}/meetings`)
        .set(t.auth(elsewhere))
        .expect(200);
      expect(none.body).toEqual({ meetings: [] });
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const bank = await t.seed.bank();
      const res = await t.http.get(`${V}/banks/${bank.id}/meetings`);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 404 OBP-30001 for an unknown BANK_ID', async () => {
      const res = await t.http
        .get(`${V}/banks/no-such-bank/meetings`)
        .set(t.auth(await t.seed.token()));
      expect(res.status).toBe(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });
  });

  describe('GET /banks/BANK_ID/meetings/MEETING_ID', () => {
    it('answers 200 with the meeting to its creator, an invitee and bank staff, also under v4.0.0', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken();
      const invited = await t.seed.user();
      const posted = {
        ...body,
        invitees: [
          { contact_details: { ...contact, email_address: invited.email }, status: 'Good' },
        ],
      };
      const created = await createMeeting(bank.id, token, posted);
      expect(created).toEqual(expectedMeeting(bank.id, user.id, posted));
      const staff = await t.seed.token({ CanGetMeetingsAtOneBank: bank.id });
      for (const viewer of [token, await t.seed.login(invited.username), staff]) {
        const res = await t.http
          .get(`${V}/banks/${bank.id}/meetings/${created.meeting_id}`)
          .set(t.auth(viewer));
        expect(res.status).toBe(200);
        expect(res.body).toEqual(created);
      }
      const v4 = await t.http
        .get(`/obp/v4.0.0/banks/${bank.id}/meetings/${created.meeting_id}`)
        .set(t.auth(token))
        .expect(200);
      expect(v4.body).toEqual(created);
    });

    it('answers 400 OBP-30104 for an unknown MEETING_ID', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token();
      const unknown = randomUUID();
      const res = await t.http.get(`${V}/banks/${bank.id}/meetings/${unknown}`).set(t.auth(token));
      expect(res.status).toBe(400);
      expect(res.body).toEqual(meetingNotFound(unknown));
      const literal = await t.http
        .get(`${V}/banks/${bank.id}/meetings/unknown-id`)
        .set(t.auth(token));
      expect(literal.body).toEqual(meetingNotFound('unknown-id'));
    });

    it('answers 400 OBP-30104 for a meeting at another bank', async () => {
      const [bank, other] = [await t.seed.bank(), await t.seed.bank()];
      const token = await t.seed.token({ CanGetMeetingsAtOneBank: other.id });
      const meeting = await createMeeting(bank.id, token);
      const res = await t.http
        .get(`${V}/banks/${other.id}/meetings/${meeting.meeting_id}`)
        .set(t.auth(token));
      expect(res.body).toEqual(meetingNotFound(meeting.meeting_id));
    });

    it('answers 400 OBP-30104 to a user who neither created nor is invited to the meeting', async () => {
      const bank = await t.seed.bank();
      const meeting = await createMeeting(bank.id, await t.seed.token());
      for (const token of [
        await t.seed.token(),
        await t.seed.token({ CanGetMeetingsAtOneBank: (await t.seed.bank()).id }),
      ]) {
        const res = await t.http
          .get(`${V}/banks/${bank.id}/meetings/${meeting.meeting_id}`)
          .set(t.auth(token));
        expect(res.body).toEqual(meetingNotFound(meeting.meeting_id));
      }
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const bank = await t.seed.bank();
      const res = await t.http.get(`${V}/banks/${bank.id}/meetings/${randomUUID()}`);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 404 OBP-30001 for an unknown BANK_ID', async () => {
      const res = await t.http
        .get(`${V}/banks/no-such-bank/meetings/${randomUUID()}`)
        .set(t.auth(await t.seed.token()));
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });
  });
});
