/** A rep's Ignore on a Lead stays, whatever NavSync's integration user writes (see NavSyncKeepIgnore). */
trigger NavSyncKeepIgnoreLead on Lead(before update) {
    NavSyncKeepIgnore.keep(Trigger.new, Trigger.oldMap);
}
