import { competition, person, programme, type Person, teamOf } from './support/competitions';
import { png } from './support/files';
import { awkward } from './support/awkward-text';
import { auth, Harness } from './support/harness';

/**
 * A team member's GET /submissions/{id} is JSON text PostgreSQL writes (memberEntryJson); anyone
 * else's read (a coordinator's) is the entry rendered in JS and serialized by JSON.stringify, as
 * every member's read was before. Whatever people wrote, both must say the same thing, key for key
 * and in the same order, with the same ETag.
 */
describe("an entry's answer keeps people's text intact (e2e)", () => {
  let h: Harness;
  let coordinator: Person;
  let leader: Person;
  let member: Person;

  /** The member's and the coordinator's reads of the entry, each as received. */
  const bothReads = async (id: string) => {
    const read = (who: Person) =>
      h.http().get(`/api/v1/submissions/${id}`).set(auth(who.token)).expect(200);
    return { mine: await read(leader), staff: await read(coordinator) };
  };

  /** Same content and key order (JSON.stringify of the parsed body), same ETag and type. */
  const expectSame = (reads: Awaited<ReturnType<typeof bothReads>>) => {
    expect(JSON.stringify(reads.mine.body)).toBe(JSON.stringify(reads.staff.body));
    expect(reads.mine.headers.etag).toBe(`"${reads.staff.body.version}"`);
    expect(reads.staff.headers.etag).toBe(`"${reads.staff.body.version}"`);
    expect(reads.mine.headers['content-type']).toBe(reads.staff.headers['content-type']);
  };

  /** An entry of the leader's new team in a new competition of `kind`, with a poster. */
  const entry = async (kind: 'short_movie' | 'project', content: Record<string, unknown>) => {
    const competitionId = (
      await competition(h, coordinator.token, programmeId, {
        kind,
        slug: `view-${kind.replace('_', '-')}`,
      })
    ).id;
    await teamOf(h, competitionId, leader, [member], 'Team');
    const created = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/submissions`)
      .set(auth(leader.token))
      .send({ title: 'Entry', ...content })
      .expect(201);
    const id = created.body.id as string;
    await h
      .http()
      .post(`/api/v1/submissions/${id}/assets`)
      .set(auth(leader.token))
      .field('role', 'poster')
      .attach('file', png(), 'poster.png')
      .expect(201);
    return id;
  };

  let programmeId: string;
  /** The short movie of the first case. */
  let movieId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    // A zone with a half-hour offset: the deadline's local time is made apart from the rest.
    programmeId = await programme(h, coordinator.token, 'entry-text', 'Asia/Kolkata');
    leader = await person(h, 'KR');
    member = await person(h, 'TH');
  }, 60000);
  afterAll(() => h.stop());

  it('writes titles, fields, team, member and file names escaped and whole, as render did', async () => {
    const id = (movieId = await entry('short_movie', {
      logline: 'A logline',
      synopsis: 'A synopsis',
      runtimeSeconds: 540,
      subtitleLanguages: ['en', 'th'],
    }));
    // Past the routes' own validation: the answer must survive whatever the columns hold.
    await h.db.query(
      `UPDATE submissions
          SET title = $1,
              fields = jsonb_build_object('logline', $2::text, 'synopsis', $3::text,
                                          'credits', $4::text, 'subtitleLanguages',
                                          jsonb_build_array($5::text, 'th'), 'runtimeSeconds', 540.50,
                                          'problem', 'a field of the other kind'),
              extension_until = '2099-03-01 23:59:59.999999+00'
        WHERE id = $6`,
      [
        awkward('Entry'),
        awkward('Logline'),
        awkward('Synopsis'),
        awkward('Credits'),
        awkward('Language'),
        id,
      ],
    );
    const changes: [string, unknown[]][] = [
      [
        `UPDATE teams SET name = $1 WHERE id = (SELECT team_id FROM submissions WHERE id = $2)`,
        [awkward('Team'), id],
      ],
      [`UPDATE users SET display_name = $1 WHERE id = $2`, [awkward('Leader'), leader.id]],
      [`UPDATE users SET display_name = $1 WHERE id = $2`, [awkward('Member'), member.id]],
      // A member without a profile row: the country is null.
      [`DELETE FROM profiles WHERE user_id = $1`, [member.id]],
      [
        `UPDATE submission_assets SET original_name = $1, mime = $2, role = $3,
                created_at = '2027-01-02 03:04:05.678901+00'
          WHERE submission_id = $4`,
        [awkward('poster.png'), awkward('mime'), awkward('role'), id],
      ],
    ];
    for (const [sql, params] of changes) await h.db.query(sql, params);

    const reads = await bothReads(id);
    expectSame(reads);
    expect(reads.mine.body).toMatchObject({
      id,
      title: awkward('Entry'),
      teamName: awkward('Team'),
      members: [
        { userId: leader.id, displayName: awkward('Leader'), country: 'KR' },
        { userId: member.id, displayName: awkward('Member'), country: null },
      ],
      logline: awkward('Logline'),
      synopsis: awkward('Synopsis'),
      credits: awkward('Credits'),
      subtitleLanguages: [awkward('Language'), 'th'],
      runtimeSeconds: 540.5,
      language: null,
      assets: [
        {
          originalName: awkward('poster.png'),
          mime: awkward('mime'),
          role: awkward('role'),
          createdAt: '2027-01-02T03:04:05.678Z',
        },
      ],
      deadline: {
        extensionUntil: '2099-03-01T23:59:59.999Z',
        effectiveClosesAt: '2099-03-01T23:59:59.999Z',
        closesAtLocal: '2099-03-02T05:29:59+05:30',
        timezone: 'Asia/Kolkata',
      },
    });
    expect(reads.mine.body).not.toHaveProperty('problem');
    expect(reads.mine.body.assets[0].url).toBe(
      `http://kenal.test/api/v1/submissions/${id}/assets/${reads.mine.body.assets[0].id}`,
    );
  });

  it("answers a project's nested fields, unset ones as null, and a withdrawn entry's instants", async () => {
    const id = await entry('project', {
      problem: 'Plastic',
      sdgs: [6, 14],
      milestones: [{ title: 'Pilot', due: '2027-06-30' }],
      budgetUsd: 1200,
    });
    await h.db.query(
      `UPDATE submissions
          SET fields = fields || jsonb_build_object('plan', $1::text, 'milestones',
                         jsonb_build_array(jsonb_build_object('title', $2::text, 'due', '2027-06-30'))),
              status = 'withdrawn', withdrawn_at = '2027-02-03 04:05:06.7+00'
        WHERE id = $3`,
      [awkward('Plan'), awkward('Milestone'), id],
    );
    const reads = await bothReads(id);
    expectSame(reads);
    expect(reads.mine.body).toMatchObject({
      kind: 'project',
      status: 'withdrawn',
      problem: 'Plastic',
      plan: awkward('Plan'),
      sdgs: [6, 14],
      milestones: [{ title: awkward('Milestone'), due: '2027-06-30' }],
      budgetUsd: 1200,
      targetCountries: null,
      partnersSought: null,
      withdrawnAt: '2027-02-03T04:05:06.700Z',
      deadline: { extensionUntil: null },
    });
    expect(reads.mine.body).not.toHaveProperty('logline');
  });

  it('tells a stranger nothing of the entry (404) and a dead session 401', async () => {
    const id = movieId;
    const stranger = await person(h, 'SG');
    const refused = await h
      .http()
      .get(`/api/v1/submissions/${id}`)
      .set(auth(stranger.token))
      .expect(404);
    expect(JSON.stringify(refused.body)).not.toContain(awkward('Team').slice(0, 4));
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers.etag).toBeUndefined();
    await h.db.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [leader.id]);
    await h.http().get(`/api/v1/submissions/${id}`).set(auth(leader.token)).expect(401);
  });
});
