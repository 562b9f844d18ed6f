/** Rules of the simple campaign kinds (live chat, one-off), faithful to Chatwoot's behaviour. */
export * from './phone';
export * from './schedule';
export * from './sms';
export * from './url-match';
