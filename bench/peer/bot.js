'use strict';

// The help turn written the way a team would write it with the Bot Framework SDK for JavaScript:
// a CloudAdapter, ConversationState and UserState, an ActivityHandler that reads and updates one
// property of each, sends one reply and saves both states. The peer of our own bot in the benchmark.

const fs = require('node:fs');
const http = require('node:http');
const { parseArgs } = require('node:util');
const {
    ActivityHandler,
    ActivityTypes,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConversationState,
    MemoryStorage,
    UserState,
} = require('botbuilder');

const usage =
    'usage: node bot.js --port <p> --state memory|blobs [--blob-connection-string <cs>] [--container <name>]' +
    ' --reply-file <path.json> [--debug-state]';

function parseOptions(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
            port: { type: 'string' },
            state: { type: 'string' },
            'blob-connection-string': { type: 'string' },
            container: { type: 'string', default: 'bot-state' },
            'reply-file': { type: 'string' },
            'debug-state': { type: 'boolean', default: false },
        },
        strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error('--port must be a TCP port');
    if (values.state !== 'memory' && values.state !== 'blobs') throw new Error('--state must be memory or blobs');
    if (values.state === 'blobs' && !values['blob-connection-string']) {
        throw new Error('--state blobs needs --blob-connection-string');
    }
    if (!values['reply-file']) throw new Error('--reply-file is required');
    return {
        port,
        state: values.state,
        connectionString: values['blob-connection-string'],
        container: values.container,
        replyFile: values['reply-file'],
        debugState: values['debug-state'],
    };
}

function createStorage(options) {
    if (options.state === 'memory') return new MemoryStorage();
    // Required only here, so that memory mode never loads the Azure SDK.
    const { BlobsStorage } = require('botbuilder-azure-blobs');
    return new BlobsStorage(options.connectionString, options.container);
}

function readReply(file) {
    const reply = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof reply !== 'object' || reply === null || typeof reply.text !== 'string') {
        throw new Error(`${file} must hold an object with a "text" string`);
    }
    if (reply.attachments !== undefined && !Array.isArray(reply.attachments)) {
        throw new Error(`${file}: "attachments" must be an array`);
    }
    return reply;
}

class HelpBot extends ActivityHandler {
    constructor(conversationState, userState, reply, debugState) {
        super();
        this.conversationState = conversationState;
        this.userState = userState;
        this.dialogState = conversationState.createProperty('DialogState');
        this.userProfile = userState.createProperty('UserProfile');

        this.onMessage(async (context, next) => {
            const dialog = await this.dialogState.get(context, { turn: 0, lastText: null, stack: [] });
            const profile = await this.userProfile.get(context, { language: 'en', helpShown: 0 });

            dialog.turn += 1;
            dialog.lastText = context.activity.text ?? null;
            dialog.stack = [{ id: 'help', state: { shownAt: context.activity.timestamp ?? null } }];
            profile.language = (context.activity.locale ?? profile.language).slice(0, 2);
            profile.helpShown += 1;

            if (debugState) {
                process.stderr.write(
                    `state conversation=${context.activity.conversation.id} turn=${dialog.turn} helpShown=${profile.helpShown}\n`,
                );
            }

            await context.sendActivity({
                type: ActivityTypes.Message,
                text: reply.text,
                textFormat: reply.textFormat,
                attachments: reply.attachments,
            });
            await next();
        });
    }

    // Save what the handlers changed once the turn is over, whatever the activity type.
    async run(context) {
        await super.run(context);
        await this.conversationState.saveChanges(context, false);
        await this.userState.saveChanges(context, false);
    }
}

// CloudAdapter.process expects an Express/Restify-like request (parsed JSON in req.body) and
// response (status, header, send, end); these give Node's own http objects that shape.
function readJsonBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => {
            try {
                resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (err) {
                reject(err);
            }
        });
        req.on('error', reject);
    });
}

function expressLike(res) {
    res.status = (code) => {
        res.statusCode = code;
        return res;
    };
    res.header = (name, value) => {
        res.setHeader(name, value);
        return res;
    };
    res.send = (body) => {
        if (typeof body === 'string' || Buffer.isBuffer(body)) {
            if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain; charset=utf-8');
            res.write(body);
        } else {
            res.setHeader('content-type', 'application/json; charset=utf-8');
            res.write(JSON.stringify(body));
        }
        return res;
    };
    return res;
}

function main() {
    let options;
    try {
        options = parseOptions(process.argv.slice(2));
    } catch (err) {
        process.stderr.write(`${err.message}\n${usage}\n`);
        process.exit(2);
    }

    const reply = readReply(options.replyFile);
    const storage = createStorage(options);
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const bot = new HelpBot(conversationState, userState, reply, options.debugState);

    // No app id, no password, MultiTenant (the default type): the SDK treats authentication as
    // disabled, accepts requests without a token and sends replies without one, like a bot on a
    // developer's machine. A failed turn is logged to stderr by the adapter and answered with 500.
    const auth = new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        MicrosoftAppType: 'MultiTenant',
    });
    const adapter = new CloudAdapter(auth);

    const server = http.createServer(async (req, res) => {
        if (req.url !== '/api/messages') {
            res.writeHead(404).end();
            return;
        }
        try {
            req.body = await readJsonBody(req);
        } catch {
            res.writeHead(400).end();
            return;
        }
        try {
            await adapter.process(req, expressLike(res), (context) => bot.run(context));
        } catch (err) {
            process.stderr.write(`${err.stack ?? err}\n`);
            if (!res.headersSent) res.writeHead(500);
            res.end();
        }
    });

    const stop = () => {
        server.close();
        process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    // Whoever started us holds our stdin: when it goes away, so do we.
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();

    server.on('error', (err) => {
        process.stderr.write(`${err.stack ?? err}\n`);
        process.exit(1);
    });
    server.listen(options.port, '127.0.0.1', () => {
        process.stdout.write(`ready ${options.port}\n`);
    });
}

main();
