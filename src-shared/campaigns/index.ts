/** Rules of the simple campaign kinds (live chat, one-off), faithful to Chatwoot's behaviour. */
export * from './audience';
export * from './business-hours';
export * from './inbox-hours';
export * from './live-chat';
export * from './one-off';
export * from './phone';
export * from './rich-text';
export * from './schedule';
export * from './sms';
export * from './url-match';
export * from './visit-simulation';
export * from './visit-stream';
export * from './visitor-conditions';
