/** A rep's Ignore on a Contact stays, whatever NavSync's integration user writes (see NavSyncKeepIgnore). */
trigger NavSyncKeepIgnoreContact on Contact(before update) {
    NavSyncKeepIgnore.keep(Trigger.new, Trigger.oldMap);
}
