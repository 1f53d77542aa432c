'use strict';

// Self-check of the peer bot: Azurite's blob service, a fake Teams channel and bot.js in both state
// modes; three messages each, one reply per message with the reply file's bytes, state carried
// from turn to turn (and, with blobs, from one bot process to the next). Exit code 0 on success.

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { BlobsStorage } = require('botbuilder-azure-blobs');

const repoRoot = path.resolve(__dirname, '..', '..');
const azuriteBlob = path.join(repoRoot, 'tools', 'node_modules', '.bin', 'azurite-blob');
const devAccountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const tenantId = '72f988bf-0000-4000-8000-00000000aaaa';
const botId = '28:00000000-0000-4000-8000-0000000b0b0b';

const children = new Set();

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

// Starts a process and resolves once a line of its stdout matches `readyLine`.
function start(command, args, readyLine, { stderrLines } = {}) {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    child.on('exit', () => children.delete(child));
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderrLines) {
            const lines = stderr.split('\n');
            stderr = lines.pop();
            stderrLines.push(...lines);
        }
    });
    return new Promise((resolve, reject) => {
        let stdout = '';
        child.stdout.setEncoding('utf8');
        const onData = (chunk) => {
            stdout += chunk;
            if (stdout.split('\n').some((line) => readyLine.test(line))) {
                child.stdout.off('data', onData);
                child.stdout.resume();
                resolve(child);
            }
        };
        child.stdout.on('data', onData);
        child.on('exit', (code, signal) =>
            reject(new Error(`${path.basename(command)} exited (${code ?? signal}) before it was ready:\n${stdout}${stderr}`)),
        );
        child.on('error', reject);
    });
}

function exited(child) {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => child.once('exit', resolve));
}

// The Teams channel as far as a bot's replies go: 201 {"id":"1"} to every POST under /v3/conversations.
function startFakeChannel() {
    const received = [];
    const unexpected = [];
    const server = http.createServer((req, res) => {
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => {
            const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url);
            if (req.method !== 'POST' || !match) {
                unexpected.push(`${req.method} ${req.url}`);
                res.writeHead(404).end();
                return;
            }
            received.push({
                conversationId: decodeURIComponent(match[1]),
                replyToId: match[2] && decodeURIComponent(match[2]),
                authorization: req.headers.authorization,
                body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            });
            res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"1"}');
        });
    });
    return new Promise((resolve) => {
        server.listen(0, '127.0.0.1', () => {
            const url = `http://127.0.0.1:${server.address().port}/`;
            resolve({ server, url, received, unexpected });
        });
    });
}

function teamsActivity(channel, { conversationId, userId, id, type = 'message', text }) {
    return {
        type,
        id,
        timestamp: new Date().toISOString(),
        localTimestamp: new Date().toISOString(),
        channelId: 'msteams',
        serviceUrl: channel.url,
        from: { id: userId, name: 'Smoke Test', aadObjectId: '00000000-0000-4000-8000-00000000c0de' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId },
        recipient: { id: botId, name: 'BillingBot' },
        locale: 'pl-PL',
        text,
        textFormat: 'plain',
        entities: [{ type: 'clientInfo', locale: 'pl-PL', country: 'PL', platform: 'Web', timezone: 'Europe/Warsaw' }],
        channelData: { tenant: { id: tenantId } },
        ...(type === 'conversationUpdate' ? { membersAdded: [{ id: botId }], text: undefined } : {}),
    };
}

function post(port, activity) {
    const body = JSON.stringify(activity);
    return new Promise((resolve, reject) => {
        const req = http.request(
            {
                host: '127.0.0.1',
                port,
                path: '/api/messages',
                method: 'POST',
                headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
            },
            (res) => {
                res.resume();
                res.on('end', () => resolve(res.statusCode));
            },
        );
        req.on('error', reject);
        req.end(body);
    });
}

async function startBot(args, stderrLines) {
    const port = await freePort();
    const child = await start(
        process.execPath,
        [path.join(__dirname, 'bot.js'), '--port', String(port), ...args, '--debug-state'],
        new RegExp(`^ready ${port}$`),
        { stderrLines },
    );
    return { child, port };
}

function stateLines(stderrLines, conversationId) {
    return stderrLines
        .map((line) => /^state conversation=(\S+) turn=(\d+) helpShown=(\d+)$/.exec(line))
        .filter((m) => m && m[1] === conversationId)
        .map((m) => ({ turn: Number(m[2]), helpShown: Number(m[3]) }));
}

async function sendThreeMessages(channel, port, mode) {
    const conversationId = `a:1peer-smoke-${mode}-${Date.now()}`;
    const userId = `29:1peer-smoke-user-${mode}`;
    const texts = ['help', 'pomoc', 'what can you do?'];
    const before = channel.received.length;

    const update = teamsActivity(channel, { conversationId, userId, id: `f:${mode}-cu`, type: 'conversationUpdate' });
    assert.equal(await post(port, update), 200, `${mode}: conversationUpdate answered 200`);
    assert.equal(channel.received.length, before, `${mode}: no reply to a conversationUpdate`);

    for (const [i, text] of texts.entries()) {
        const id = `1:${mode}-${i + 1}`;
        const status = await post(port, teamsActivity(channel, { conversationId, userId, id, text }));
        assert.equal(status, 200, `${mode}: message ${i + 1} answered 200`);
        assert.equal(channel.received.length, before + i + 1, `${mode}: one reply to message ${i + 1}`);
        const reply = channel.received.at(-1);
        assert.equal(reply.conversationId, conversationId, `${mode}: reply in the same conversation`);
        assert.equal(reply.replyToId, id, `${mode}: reply to message ${i + 1}`);
    }
    return { conversationId, userId, replies: channel.received.slice(before) };
}

function assertRepliesMatch(mode, replies, expected) {
    for (const { body, authorization } of replies) {
        assert.equal(body.type, 'message', `${mode}: reply is a message`);
        assert.equal(body.text, expected.text, `${mode}: reply text is the reply file's`);
        assert.equal(body.textFormat, expected.textFormat, `${mode}: reply textFormat is the reply file's`);
        assert.deepEqual(body.attachments, expected.attachments, `${mode}: reply attachments are the reply file's`);
        assert.equal(authorization, undefined, `${mode}: a bot without app id sends no token`);
    }
}

async function run() {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'peer-smoke-'));
    const replyFile = path.join(work, 'reply.json');
    const expected = {
        text: 'Oto, w czym mogę pomóc:',
        textFormat: 'markdown',
        attachments: [
            {
                contentType: 'application/vnd.microsoft.card.adaptive',
                content: {
                    type: 'AdaptiveCard',
                    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
                    version: '1.5',
                    body: [
                        { type: 'TextBlock', text: 'Faktury i płatności', weight: 'Bolder', wrap: true },
                        { type: 'TextBlock', text: '„Czy faktura FV/2026/11/042 jest opłacona?”', wrap: true },
                    ],
                    actions: [{ type: 'Action.Submit', title: 'Moje faktury', data: { intent: 'invoices' } }],
                },
            },
        ],
    };
    fs.writeFileSync(replyFile, JSON.stringify(expected));

    const channel = await startFakeChannel();
    const azuritePort = await freePort();
    const azurite = await start(
        azuriteBlob,
        [
            '--inMemoryPersistence',
            '--blobHost', '127.0.0.1',
            '--blobPort', String(azuritePort),
            '--skipApiVersionCheck',
            '--disableTelemetry',
            '--silent',
        ],
        /successfully listens on/,
    );
    const connectionString =
        `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${devAccountKey};` +
        `BlobEndpoint=http://127.0.0.1:${azuritePort}/devstoreaccount1;`;
    const container = 'peer-smoke';

    try {
        // Memory: the state lives in the process; the debug line shows each turn saw the one before.
        {
            const stderrLines = [];
            const bot = await startBot(['--state', 'memory', '--reply-file', replyFile], stderrLines);
            const { conversationId, replies } = await sendThreeMessages(channel, bot.port, 'memory');
            assertRepliesMatch('memory', replies, expected);
            assert.deepEqual(
                stateLines(stderrLines, conversationId),
                [1, 2, 3].map((n) => ({ turn: n, helpShown: n })),
                'memory: turn counters 1, 2, 3',
            );
            bot.child.kill('SIGTERM');
            await exited(bot.child);
            assert.equal(bot.child.exitCode, 0, 'memory: the bot exits 0 on SIGTERM');
            console.log('memory: 3 turns, 3 replies, state 1-2-3, SIGTERM ok');
        }

        // Blobs: the same, then the state is read back from Azurite, and a second bot process
        // continues the conversation where the first left it.
        {
            const blobArgs = [
                '--state', 'blobs',
                '--blob-connection-string', connectionString,
                '--container', container,
                '--reply-file', replyFile,
            ];
            const stderrLines = [];
            const first = await startBot(blobArgs, stderrLines);
            const { conversationId, userId, replies } = await sendThreeMessages(channel, first.port, 'blobs');
            assertRepliesMatch('blobs', replies, expected);
            assert.deepEqual(
                stateLines(stderrLines, conversationId),
                [1, 2, 3].map((n) => ({ turn: n, helpShown: n })),
                'blobs: turn counters 1, 2, 3',
            );

            const conversationKey = `msteams/conversations/${conversationId}/`;
            const userKey = `msteams/users/${userId}/`;
            const stored = await new BlobsStorage(connectionString, container).read([conversationKey, userKey]);
            assert.equal(stored[conversationKey]?.DialogState?.turn, 3, 'blobs: Azurite holds the conversation state');
            assert.equal(stored[conversationKey]?.DialogState?.lastText, 'what can you do?', 'blobs: last text stored');
            assert.equal(stored[userKey]?.UserProfile?.helpShown, 3, 'blobs: Azurite holds the user state');
            assert.equal(stored[userKey]?.UserProfile?.language, 'pl', 'blobs: language stored');

            first.child.stdin.end(); // the benchmark going away: stdin reaches EOF
            await exited(first.child);
            assert.equal(first.child.exitCode, 0, 'blobs: the bot exits 0 when stdin reaches EOF');

            const secondLines = [];
            const second = await startBot(blobArgs, secondLines);
            const status = await post(
                second.port,
                teamsActivity(channel, { conversationId, userId, id: '1:blobs-4', text: 'help again' }),
            );
            assert.equal(status, 200, 'blobs: message 4 answered 200 by a new process');
            assertRepliesMatch('blobs', [channel.received.at(-1)], expected);
            assert.deepEqual(stateLines(secondLines, conversationId), [{ turn: 4, helpShown: 4 }], 'blobs: turn 4 after restart');
            second.child.stdin.end();
            await exited(second.child);
            console.log('blobs: 3 turns, 3 replies, state 1-2-3 read back from Azurite, turn 4 in a new process, stdin EOF ok');
        }

        assert.deepEqual(channel.unexpected, [], 'the fake channel got only replies');
        console.log('smoke: passed');
    } finally {
        azurite.kill('SIGTERM');
        channel.server.close();
        fs.rmSync(work, { recursive: true, force: true });
    }
}

run()
    .then(() => process.exit(0))
    .catch((err) => {
        console.error(`smoke: FAILED\n${err.stack ?? err}`);
        for (const child of children) child.kill('SIGKILL');
        process.exit(1);
    });
