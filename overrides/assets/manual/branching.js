/* Branching player: turns a server-rendered branching document into an interactive player.
 *
 * Generic over branching graphs (case exercises, the first-contact decision aid). The page holds a
 * .branching element with script.branching-graph (the structure and UI labels as JSON),
 * section.branching-node[data-node] cards (the texts) and optionally .branching-closing.
 * Texts are taken from the cards, so there is one source of them, rendered by the build.
 *
 * A classic script, not an ES module: modules do not load from file://. An exercise's progress is
 * kept only in localStorage under the graph's storage_key; the decision aid (kind "decision-aid",
 * no storage_key) keeps nothing at all. Nothing is sent anywhere.
 *
 * For trainers an exercise also has a presentation mode (large type, no site around it, keyboard),
 * group votes at every choice, three prints (participant cards, trainer's key, the group's debrief)
 * and the round as a file. The same page opened as <page>#presenter is the presenter view: it follows
 * the projected window through a BroadcastChannel, or postMessage between the two windows where
 * that channel is missing; both work from file:// and without any server.
 */
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A copy of part of a card, without ids (they must stay unique) or permalink anchors.
  function copyOf(source) {
    var copy = source.cloneNode(true);
    copy.removeAttribute("id");
    copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    copy.querySelectorAll(".headerlink").forEach(function (el) { el.remove(); });
    return copy;
  }

  function button(label, className, onClick) {
    var node = element("button", className, label);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  function heading(level, text) {
    return element("h" + level, "branching-player__heading", text);
  }

  // "{n} of {total}" with the values filled in
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // minutes:seconds
  function clock(seconds) {
    var whole = Math.max(0, Math.round(seconds));
    return Math.floor(whole / 60) + ":" + pad(whole % 60);
  }

  // the local date, YYYY-MM-DD
  function isoDate(time) {
    var date = new Date(time);
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  // a group label as part of a file name: letters a-z, digits and "-"
  function fileSlug(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  }

  function download(name, type, text) {
    var link = element("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  // keys typed into a field are the field's, never a shortcut
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function modesOf(saved) {
    saved = saved || {};
    return { presenting: saved.presenting === true, notes: saved.notes === true, facilitator: saved.facilitator === true };
  }

  var MESSAGE_SOURCE = "manualen-branching";

  function Player(root, graph) {
    this.root = root;
    this.graph = graph;
    this.labels = graph.labels;
    this.aid = graph.kind === "decision-aid";
    // the same page opened as <page>#presenter: the trainer's view of the projected window
    this.presenter = !this.aid && window.location.hash === "#presenter";
    this.state = this.load();
    this.peers = [];
  }

  Player.prototype.card = function (nodeId) {
    return this.root.querySelector('.branching-node[data-node="' + nodeId + '"]');
  };

  Player.prototype.title = function (nodeId) {
    return this.card(nodeId).querySelector(".branching-node__heading").textContent.trim();
  };

  Player.prototype.choiceElement = function (nodeId, index) {
    return this.card(nodeId).querySelector('.branching-choice[data-choice="' + index + '"]');
  };

  Player.prototype.choiceLabel = function (nodeId, index) {
    return this.choiceElement(nodeId, index).querySelector(".branching-choice__link").textContent.trim();
  };

  // The node reached by following the path from the start; null when the path does not fit the graph.
  Player.prototype.follow = function (path) {
    var nodeId = this.graph.start;
    for (var i = 0; i < path.length; i++) {
      var node = this.graph.nodes[nodeId];
      var choice = node && path[i].node === nodeId ? node.choices[path[i].choice] : null;
      if (!choice) return null;
      nodeId = choice.next;
    }
    return nodeId;
  };

  // A new round; the modes (presentation, notes, trainer mode) carry over from the previous one.
  Player.prototype.fresh = function (previous) {
    var now = Date.now();
    return { started: now, date: isoDate(now), path: [], votes: {}, group: "", modes: modesOf(previous && previous.modes) };
  };

  Player.prototype.load = function () {
    if (!this.graph.storage_key) return this.fresh();
    try {
      var saved = JSON.parse(window.localStorage.getItem(this.graph.storage_key));
      if (saved && Array.isArray(saved.path) && typeof saved.started === "number" && this.follow(saved.path)) {
        if (!saved.votes || typeof saved.votes !== "object" || Array.isArray(saved.votes)) saved.votes = {};
        if (typeof saved.group !== "string") saved.group = "";
        if (typeof saved.date !== "string") saved.date = isoDate(saved.started);
        saved.modes = modesOf(saved.modes);
        return saved;
      }
      if (saved && typeof saved === "object") return this.fresh(saved);
    } catch (error) {
      // storage unavailable or unreadable: start afresh, the player works without it
    }
    return this.fresh();
  };

  Player.prototype.save = function () {
    if (!this.graph.storage_key || this.presenter) return;
    this.state.saved = Date.now();
    try {
      window.localStorage.setItem(this.graph.storage_key, JSON.stringify(this.state));
    } catch (error) {
      // storage full or disabled: progress is simply not kept
    }
    this.broadcast();
  };

  Player.prototype.current = function () {
    return this.follow(this.state.path);
  };

  Player.prototype.start = function () {
    if (this.presenter) {
      this.startPresenter();
      return;
    }
    this.view = element("div", "branching-player");
    this.status = element("p", "branching-player__status");
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.stage = element("div", "branching-player__stage");

    if (!this.aid) this.view.appendChild(this.tools());
    this.view.appendChild(this.stage);
    this.view.appendChild(this.status);
    if (!this.aid) this.view.appendChild(this.presentBar());
    this.root.insertBefore(this.view, this.root.firstChild);
    this.asking = !this.aid && this.resumable();
    try {
      this.render(false);
    } catch (error) {
      this.view.remove(); // the document stays readable as it is
      throw error;
    }
    this.root.classList.add("branching--enhanced");
    if (this.aid) {
      this.root.classList.add("branching--aid");
      return;
    }
    this.printout = element("div", "branching-print");
    this.root.appendChild(this.printout);
    this.applyModes();
    this.listen();
    document.addEventListener("keydown", this.onKey.bind(this), true);
    window.addEventListener("afterprint", this.printAs.bind(this, null));
    var self = this;
    window.addEventListener("pagehide", function () {
      if (self.state.path.length && !self.asking) self.save(); // when the round stopped, for "continue"
    });
  };

  Player.prototype.render = function (moveFocus) {
    if (this.presenter) {
      this.renderPresenter();
      return;
    }
    if (this.asking) {
      this.renderResume(moveFocus);
      return;
    }
    var nodeId = this.current();
    var node = this.graph.nodes[nodeId];
    var card = this.card(nodeId);
    var path = this.state.path;
    var stage = this.stage;
    stage.replaceChildren();

    var progress = this.aid
      ? (node.end ? this.labels.aid_result : this.labels.aid_question + " " + (path.length + 1))
      : this.labels.player_situation + " " + this.situationNumber(path);
    stage.appendChild(element("p", "branching-player__progress", progress));

    var title = element("h2", "branching-player__title");
    title.tabIndex = -1;
    title.appendChild(copyOf(card.querySelector(".branching-node__number")));
    title.appendChild(document.createTextNode(" "));
    title.appendChild(document.createTextNode(this.title(nodeId)));
    stage.appendChild(title);

    if (path.length && !this.aid) {
      var last = path[path.length - 1];
      var lastChoice = this.graph.nodes[last.node].choices[last.choice];
      var feedback = element("div", "branching-player__feedback" + (lastChoice.weak ? " branching-player__feedback--weak" : ""));
      var chosen = element("p", "branching-player__chosen");
      chosen.appendChild(element("strong", null, this.labels.player_your_choice + ": "));
      chosen.appendChild(document.createTextNode(this.choiceLabel(last.node, last.choice)));
      feedback.appendChild(chosen);
      feedback.appendChild(copyOf(this.choiceElement(last.node, last.choice).querySelector(".branching-choice__feedback")));
      stage.appendChild(feedback);
    }

    [".branching-node__context", ".branching-node__text", ".branching-node__outcome", ".branching-node__facilitator"].forEach(function (selector) {
      var part = card.querySelector(selector);
      if (part) stage.appendChild(copyOf(part));
    });

    if (node.end && this.aid) {
      stage.appendChild(this.cardTools());
    } else if (node.end) {
      stage.appendChild(this.debrief());
    } else {
      var group = element("div", "branching-player__choices");
      group.setAttribute("role", "group");
      if (this.aid) {
        title.id = "branching-question-" + this.graph.id;
        group.setAttribute("aria-labelledby", title.id);
      } else {
        var question = element("p", "branching-player__question", this.labels.player_what_now);
        question.id = "branching-question-" + this.graph.id;
        group.setAttribute("aria-labelledby", question.id);
        group.appendChild(question);
      }
      var list = element("ul", "branching-player__choice-list");
      var tried = this.aid ? [] : this.tried(path);
      node.choices.forEach(function (_choice, index) {
        var item = element("li");
        var choose = button(this.choiceLabel(nodeId, index), "branching-player__choice", this.choose.bind(this, nodeId, index));
        choose.dataset.choice = String(index);
        if (tried.indexOf(index) >= 0) choose.appendChild(this.triedMark());
        item.appendChild(choose);
        list.appendChild(item);
      }, this);
      group.appendChild(list);
      stage.appendChild(group);
      if (!this.aid) {
        this.showVotes(list, this.state.votes[this.decisionKey(path)]);
        stage.appendChild(this.votePanel());
      }
    }

    if (path.length && this.aid) stage.appendChild(this.answers());

    if (path.length) stage.appendChild(this.moves());

    if (moveFocus) {
      title.focus({ preventScroll: true });
      title.scrollIntoView({ block: "start" });
    }
  };

  Player.prototype.announce = function (text) {
    this.status.textContent = text;
  };

  Player.prototype.choose = function (nodeId, index) {
    var at = Date.now() - this.state.started;
    this.confirming = false;
    this.state.path.push({ node: nodeId, choice: index, at: at });
    this.save();
    this.render(true);
    var choice = this.graph.nodes[nodeId].choices[index];
    if (this.aid) {
      this.announce(this.labels.aid_your_answer + ": " + this.choiceLabel(nodeId, index) + ". " + this.title(choice.next));
      return;
    }
    var feedback = this.choiceElement(nodeId, index).querySelector(".branching-choice__feedback").textContent;
    this.announce(
      this.labels.player_your_choice + ": " + this.choiceLabel(nodeId, index) + ". " +
      feedback.trim() + " " + this.labels.player_situation + ": " + this.title(choice.next) + "."
    );
  };

  Player.prototype.back = function () {
    if (this.presenter) {
      this.remote({ action: "back" });
      return;
    }
    this.confirming = false;
    this.state.path.pop();
    this.save();
    this.render(true);
    this.announce(this.labels.player_back_to + ": " + this.title(this.current()) + ".");
  };

  // An exercise asks first (the round's path and votes are lost); the decision aid simply starts again.
  Player.prototype.restart = function () {
    if (!this.aid && !this.confirming) {
      this.confirming = true;
      this.render(false);
      this.stage.querySelector(".branching-player__confirm-yes").focus();
      return;
    }
    this.confirming = false;
    if (this.presenter) {
      this.remote({ action: "restart" });
      this.render(false);
      return;
    }
    this.state = this.fresh(this.state);
    this.save();
    this.render(true);
    this.announce((this.aid ? this.labels.aid_restarted : this.labels.player_restarted) + " " + this.title(this.current()) + ".");
  };

  // The decision aid: every answer given so far, each with a button that goes back to that question.
  Player.prototype.answers = function () {
    var section = element("section", "branching-player__answers");
    var title = heading(3, this.labels.aid_answers);
    title.id = "branching-answers-" + this.graph.id;
    section.setAttribute("aria-labelledby", title.id);
    section.appendChild(title);
    var list = element("ol", "branching-player__answer-list");
    this.state.path.forEach(function (entry, index) {
      var question = this.title(entry.node);
      var item = element("li", "branching-player__answer");
      var text = element("p", "branching-player__answer-text");
      text.appendChild(element("span", "branching-player__answer-question", question + " "));
      text.appendChild(element("strong", "branching-player__answer-choice", this.choiceLabel(entry.node, entry.choice)));
      item.appendChild(text);
      var change = button(this.labels.aid_change, "md-button branching-player__change", this.change.bind(this, index));
      change.dataset.answer = String(index);
      change.setAttribute("aria-label", this.labels.aid_change_label + ": " + question);
      item.appendChild(change);
      list.appendChild(item);
    }, this);
    section.appendChild(list);
    return section;
  };

  Player.prototype.change = function (index) {
    this.state.path = this.state.path.slice(0, index);
    this.render(true);
    this.announce(this.labels.aid_changed + " " + this.title(this.current()));
  };

  Player.prototype.cardTools = function () {
    var tools = element("div", "branching-player__tools branching-player__card-tools");
    this.copyButton = button(this.labels.aid_copy, "md-button md-button--primary branching-player__copy", this.copy.bind(this));
    tools.appendChild(this.copyButton);
    tools.appendChild(button(this.labels.aid_print, "md-button branching-player__print", function () { window.print(); }));
    return tools;
  };

  // The action card as plain text: the page title, the card, the answers that led to it.
  Player.prototype.cardText = function () {
    var lines = [document.querySelector("h1").textContent.trim(), "", this.title(this.current()), ""];
    lines.push(this.stage.querySelector(".branching-node__outcome").innerText.trim(), "", this.labels.aid_answers + ":");
    this.state.path.forEach(function (entry) {
      lines.push("- " + this.title(entry.node) + " " + this.choiceLabel(entry.node, entry.choice));
    }, this);
    lines.push("", window.location.href.split("#")[0]);
    return lines.join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
  };

  Player.prototype.copy = function () {
    var text = this.cardText();
    var copied = this.announce.bind(this, this.labels.aid_copied);
    var fallback = this.copyByHand.bind(this, text);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(copied, fallback);
    } else {
      fallback();
    }
  };

  // Without the Clipboard API: the browser's copy command on a selected text area, or the text to copy by hand.
  Player.prototype.copyByHand = function (text) {
    var old = this.stage.querySelector(".branching-player__copy-text");
    if (old) old.remove();
    var area = element("textarea", "branching-player__copy-text");
    area.value = text;
    area.readOnly = true;
    area.rows = 8;
    area.setAttribute("aria-label", this.labels.aid_copy_text);
    this.copyButton.parentNode.insertAdjacentElement("afterend", area);
    area.focus();
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    if (copied) {
      area.remove();
      this.copyButton.focus();
      this.announce(this.labels.aid_copied);
    } else {
      this.announce(this.labels.aid_copy_manual);
    }
  };

  Player.prototype.toggleFacilitator = function () {
    var modes = this.state.modes;
    modes.facilitator = !modes.facilitator;
    this.applyModes();
    this.save();
    this.announce(modes.facilitator ? this.labels.player_facilitator_on : this.labels.player_facilitator_off);
  };

  // Links to the steps and actors of the visited nodes, copied from the cards (steps in process order).
  Player.prototype.involved = function (visited, kind) {
    var links = {};
    visited.forEach(function (nodeId) {
      this.card(nodeId).querySelectorAll(".branching-node__context a[data-" + kind + "]").forEach(function (link) {
        var id = link.getAttribute("data-" + kind);
        if (!links[id]) links[id] = link;
      });
    }, this);
    var ids = Object.keys(links);
    if (kind === "step") {
      var order = this.graph.step_order;
      ids.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    } else {
      var lang = document.documentElement.lang;
      ids.sort(function (a, b) { return links[a].textContent.localeCompare(links[b].textContent, lang); });
    }
    var list = element("ul", "branching-player__involved branching-player__involved--" + kind);
    ids.forEach(function (id) {
      var item = element("li");
      item.appendChild(copyOf(links[id]));
      list.appendChild(item);
    });
    return list;
  };

  Player.prototype.debrief = function () {
    var labels = this.labels;
    var path = this.state.path;
    var section = element("section", "branching-player__debrief");
    var title = heading(3, labels.player_debrief);
    title.id = "branching-debrief-" + this.graph.id;
    section.setAttribute("aria-labelledby", title.id);
    section.appendChild(title);

    section.appendChild(heading(4, labels.player_path + " (" + path.length + ")"));
    var steps = element("ol", "branching-player__path");
    var weak = element("ul", "branching-player__weak");
    path.forEach(function (entry) {
      var choice = this.graph.nodes[entry.node].choices[entry.choice];
      var item = element("li");
      item.appendChild(element("span", "branching-player__path-situation", this.title(entry.node) + ": "));
      item.appendChild(element("span", "branching-player__path-choice", this.choiceLabel(entry.node, entry.choice)));
      if (choice.weak) {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(element("strong", "branching-weak", "(" + labels.weak_choice + ")"));
        var why = element("li");
        why.appendChild(element("strong", "branching-player__weak-label", this.choiceLabel(entry.node, entry.choice)));
        why.appendChild(copyOf(this.choiceElement(entry.node, entry.choice).querySelector(".branching-choice__feedback")));
        weak.appendChild(why);
      }
      steps.appendChild(item);
    }, this);
    section.appendChild(steps);

    var votes = this.votesTable(path);
    if (votes) {
      section.appendChild(heading(4, labels.player_votes_compare));
      section.appendChild(votes);
    }

    section.appendChild(heading(4, labels.player_weak_choices));
    section.appendChild(weak.children.length ? weak : element("p", "branching-player__no-weak", labels.player_no_weak_choices));

    if (path.length) {
      section.appendChild(heading(4, labels.player_time_per_situation));
      section.appendChild(this.timesTable(path));
    }

    var visited = path.map(function (entry) { return entry.node; }).concat([this.current()]);
    section.appendChild(heading(4, labels.player_steps));
    section.appendChild(this.involved(visited, "step"));
    section.appendChild(heading(4, labels.player_actors));
    section.appendChild(this.involved(visited, "actor"));

    var closingText = this.root.querySelector(".branching-closing__text");
    if (closingText) {
      section.appendChild(heading(4, labels.player_takeaways));
      section.appendChild(copyOf(closingText));
    }
    var questions = this.root.querySelector(".branching-closing__questions");
    if (questions) {
      section.appendChild(heading(4, labels.player_questions));
      section.appendChild(copyOf(questions));
    }
    return section;
  };

  // --- the round as a file ----------------------------------------------------------------------

  // The votes at a decision belong to the route that led there: the choices taken, as "0.2.1".
  Player.prototype.decisionKey = function (path) {
    return path.map(function (entry) { return entry.choice; }).join(".");
  };

  Player.prototype.votesRecord = function (votes) {
    return votes ? { first: votes.first || null, second: votes.second || null } : null;
  };

  Player.prototype.pageTitle = function () {
    return copyOf(document.querySelector("h1")).textContent.trim();
  };

  // What the round was: the path with the time at each situation and the votes, nothing about a person.
  Player.prototype.session = function () {
    var path = this.state.path;
    var current = this.current();
    var end = this.graph.nodes[current].end;
    var perSituation = {};
    var entries = path.map(function (entry, k) {
      var choice = this.graph.nodes[entry.node].choices[entry.choice];
      var seconds = Math.round((entry.at - (k ? path[k - 1].at : 0)) / 1000);
      perSituation[entry.node] = (perSituation[entry.node] || 0) + seconds;
      return {
        situation: entry.node,
        situation_title: this.title(entry.node),
        planned_minutes: this.graph.nodes[entry.node].minutes,
        seconds: seconds,
        seconds_from_start: Math.round(entry.at / 1000),
        choice: entry.choice + 1,
        label: this.choiceLabel(entry.node, entry.choice),
        weak: choice.weak,
        next: choice.next,
        votes: this.votesRecord(this.state.votes[this.decisionKey(path.slice(0, k))]),
      };
    }, this);
    var reached = { situation: current, situation_title: this.title(current), end: end };
    if (!end) {
      var last = path.length ? path[path.length - 1].at : 0;
      reached.planned_minutes = this.graph.nodes[current].minutes;
      reached.seconds = Math.max(0, Math.round((Date.now() - this.state.started - last) / 1000));
      reached.votes = this.votesRecord(this.state.votes[this.decisionKey(path)]);
      perSituation[current] = (perSituation[current] || 0) + reached.seconds;
    }
    return {
      format: this.graph.session_format,
      exercise: this.graph.id,
      exercise_title: this.pageTitle(),
      language: document.documentElement.lang,
      date: this.state.date,
      group: this.state.group.trim() || null,
      finished: end,
      planned_minutes: this.graph.duration_minutes,
      situations: this.situationNumber(path),
      path: entries,
      reached: reached,
      seconds_per_situation: perSituation,
    };
  };

  // <exercise>-<date>-<group>.<extension>
  Player.prototype.fileName = function (extension) {
    var group = fileSlug(this.state.group);
    return this.graph.id + "-" + this.state.date + (group ? "-" + group : "") + "." + extension;
  };

  Player.prototype.exportPath = function () {
    download(this.fileName("json"), "application/json", JSON.stringify(this.session(), null, 2) + "\n");
  };

  // The same round as a table: one row per option at every decision, for a spreadsheet.
  Player.prototype.exportTable = function () {
    var session = this.session();
    var rows = [["exercise", "date", "group", "decision", "situation", "situation_title", "option", "label", "weak",
      "chosen", "votes_first", "votes_second", "seconds", "planned_minutes"]];
    var add = function (decision, nodeId, chosen, votes, seconds, planned) {
      this.graph.nodes[nodeId].choices.forEach(function (choice, index) {
        rows.push([session.exercise, session.date, session.group || "", decision, nodeId, this.title(nodeId), index + 1,
          this.choiceLabel(nodeId, index), choice.weak, index === chosen,
          votes && votes.first ? votes.first[index] : null, votes && votes.second ? votes.second[index] : null,
          seconds, planned]);
      }, this);
    }.bind(this);
    session.path.forEach(function (entry, k) {
      add(k + 1, entry.situation, entry.choice - 1, entry.votes, entry.seconds, entry.planned_minutes);
    });
    if (!session.finished) {
      var reached = session.reached;
      add(session.path.length + 1, reached.situation, -1, reached.votes, reached.seconds, reached.planned_minutes);
    }
    var text = rows.map(function (row) {
      return row.map(function (cell) {
        var value = cell === null || cell === undefined ? "" : String(cell);
        if (/^[=+\-@]/.test(value)) value = "'" + value; // never a formula in a spreadsheet
        return '"' + value.replace(/"/g, '""') + '"';
      }).join(",");
    }).join("\r\n") + "\r\n";
    download(this.fileName("csv"), "text/csv;charset=utf-8", "\ufeff" + text);
  };

  // --- rounds: the counter, tried choices, asking on reopening, restarting ------------------------

  // Situations reached, not choices made: a weak choice that leads back to the same situation is no new one.
  Player.prototype.situationNumber = function (path) {
    var seen = {};
    var count = 1;
    seen[this.graph.start] = true;
    path.forEach(function (entry) {
      var next = this.graph.nodes[entry.node].choices[entry.choice].next;
      if (!seen[next]) {
        seen[next] = true;
        count += 1;
      }
    }, this);
    return count;
  };

  // The choices already tried at the situation the path reaches (a weak choice that led back to it).
  Player.prototype.tried = function (path) {
    var nodeId = this.follow(path);
    return path.filter(function (entry) { return entry.node === nodeId; }).map(function (entry) { return entry.choice; });
  };

  Player.prototype.triedMark = function () {
    var mark = document.createDocumentFragment();
    mark.appendChild(document.createTextNode(" "));
    mark.appendChild(element("span", "branching-player__tried", this.labels.player_tried));
    return mark;
  };

  // Reopened on a round in progress (not reloaded, not switched language): continue it, or a new round?
  Player.prototype.resumable = function () {
    if (!this.state.path.length && !Object.keys(this.state.votes).length) return false;
    var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    if (entries.length && (entries[0].type === "reload" || entries[0].type === "back_forward")) return false;
    var other = document.querySelector("a.manual-language");
    return !(other && document.referrer && document.referrer.split("#")[0] === other.href.split("#")[0]);
  };

  Player.prototype.renderResume = function (moveFocus) {
    var labels = this.labels;
    var number = this.situationNumber(this.state.path);
    var stage = this.stage;
    stage.replaceChildren();
    var title = element("h2", "branching-player__title", labels.player_resume_title);
    title.tabIndex = -1;
    stage.appendChild(title);
    stage.appendChild(element("p", "branching-player__resume-text", format(labels.player_resume_text, {
      date: this.state.date, n: number, title: this.title(this.current()),
    })));
    var choices = element("div", "branching-player__moves branching-player__resume");
    choices.appendChild(button(format(labels.player_resume_continue, { n: number }), "md-button md-button--primary branching-player__continue", this.resume.bind(this, true)));
    choices.appendChild(button(labels.player_resume_new, "md-button branching-player__new-round", this.resume.bind(this, false)));
    choices.appendChild(button(labels.player_export, "md-button branching-player__save-previous", this.exportPath.bind(this)));
    stage.appendChild(choices);
    if (moveFocus) title.focus({ preventScroll: true });
  };

  Player.prototype.resume = function (carryOn) {
    this.asking = false;
    if (carryOn) {
      // the time the page was closed does not count as time at the situation
      if (typeof this.state.saved === "number") this.state.started += Math.max(0, Date.now() - this.state.saved);
    } else {
      this.state = this.fresh(this.state);
    }
    this.save();
    this.render(true);
    this.announce(carryOn ? this.labels.player_situation + " " + this.situationNumber(this.state.path) + ": " + this.title(this.current()) + "."
      : this.labels.player_new_round + " " + this.title(this.current()) + ".");
  };

  Player.prototype.moves = function () {
    var labels = this.labels;
    var moves = element("div", "branching-player__moves");
    if (!this.confirming) {
      moves.appendChild(button(labels.player_back, "md-button branching-player__back", this.back.bind(this)));
      moves.appendChild(button(labels.player_restart, "md-button branching-player__restart", this.restart.bind(this)));
      return moves;
    }
    var confirm = element("div", "branching-player__confirm");
    var question = element("p", "branching-player__confirm-text", labels.player_confirm_restart);
    question.id = "branching-confirm-" + this.graph.id;
    confirm.setAttribute("role", "group");
    confirm.setAttribute("aria-labelledby", question.id);
    confirm.appendChild(question);
    confirm.appendChild(button(labels.player_confirm_yes, "md-button md-button--primary branching-player__confirm-yes", this.restart.bind(this)));
    confirm.appendChild(button(labels.player_cancel, "md-button branching-player__cancel", this.cancelRestart.bind(this)));
    moves.appendChild(confirm);
    return moves;
  };

  Player.prototype.cancelRestart = function () {
    this.confirming = false;
    this.render(false);
    var restart = this.stage.querySelector(".branching-player__restart");
    if (restart) restart.focus();
  };

  // --- the tools: presentation, the round, printing ----------------------------------------------

  Player.prototype.tools = function () {
    var labels = this.labels;
    var self = this;
    var tools = element("div", "branching-player__tools");
    var group = function (name, label) {
      var box = element("div", "branching-player__tool-group branching-player__tool-group--" + name);
      var title = element("p", "branching-player__tool-label", label);
      title.id = "branching-tools-" + name + "-" + self.graph.id;
      box.setAttribute("role", "group");
      box.setAttribute("aria-labelledby", title.id);
      box.appendChild(title);
      tools.appendChild(box);
      return box;
    };

    var present = group("present", labels.player_tools_present);
    this.presentButton = button(labels.player_present, "md-button branching-player__present", function () { self.setPresenting(!self.state.modes.presenting); });
    present.appendChild(this.presentButton);
    this.facilitatorButton = button(labels.player_facilitator, "md-button branching-player__facilitator", this.toggleFacilitator.bind(this));
    present.appendChild(this.facilitatorButton);
    present.appendChild(button(labels.player_presenter, "md-button branching-player__open-presenter", this.openPresenter.bind(this)));

    var session = group("session", labels.player_tools_session);
    var field = element("p", "branching-player__group-field");
    var input = element("input", "branching-player__group");
    input.type = "text";
    input.id = "branching-group-" + this.graph.id;
    input.maxLength = 40;
    input.autocomplete = "off";
    input.value = this.state.group;
    var label = element("label", null, labels.player_group);
    label.htmlFor = input.id;
    var hint = element("span", "branching-player__group-hint", labels.player_group_hint);
    hint.id = input.id + "-hint";
    input.setAttribute("aria-describedby", hint.id);
    input.addEventListener("input", function () {
      self.state.group = input.value;
      self.save();
    });
    field.appendChild(label);
    field.appendChild(input);
    field.appendChild(hint);
    session.appendChild(field);
    this.groupInput = input;
    session.appendChild(button(labels.player_export, "md-button branching-player__export", this.exportPath.bind(this)));
    session.appendChild(button(labels.player_export_csv, "md-button branching-player__export-csv", this.exportTable.bind(this)));

    var print = group("print", labels.player_tools_print);
    [["cards", labels.player_print_cards], ["key", labels.player_print_key], ["debrief", labels.player_print_debrief]].forEach(function (entry) {
      print.appendChild(button(entry[1], "md-button branching-player__print-" + entry[0], self.printAs.bind(self, entry[0])));
    });
    return tools;
  };

  // Shown only in presentation mode: the keys, the notes switch, the presenter view, full screen, exit.
  Player.prototype.presentBar = function () {
    var labels = this.labels;
    var self = this;
    var bar = element("div", "branching-player__present-bar");
    bar.appendChild(element("p", "branching-player__keys", labels.player_keys));
    var buttons = element("div", "branching-player__present-buttons");
    this.notesButton = button(labels.player_notes, "md-button branching-player__notes", this.toggleNotes.bind(this));
    buttons.appendChild(this.notesButton);
    buttons.appendChild(button(labels.player_presenter, "md-button branching-player__open-presenter", this.openPresenter.bind(this)));
    buttons.appendChild(button(labels.player_fullscreen, "md-button branching-player__fullscreen", this.fullscreen.bind(this)));
    buttons.appendChild(button(labels.player_present_exit, "md-button branching-player__present-exit", function () { self.setPresenting(false); }));
    bar.appendChild(buttons);
    return bar;
  };

  Player.prototype.applyModes = function () {
    var modes = this.state.modes;
    document.documentElement.classList.toggle("manual-presenting", modes.presenting);
    this.root.classList.toggle("branching--presenting", modes.presenting);
    this.root.classList.toggle("branching--notes", modes.notes);
    this.root.classList.toggle("branching--facilitator", modes.facilitator);
    this.presentButton.setAttribute("aria-pressed", String(modes.presenting));
    this.facilitatorButton.setAttribute("aria-pressed", String(modes.facilitator));
    this.notesButton.setAttribute("aria-pressed", String(modes.notes));
    if (this.groupInput && document.activeElement !== this.groupInput) this.groupInput.value = this.state.group;
  };

  Player.prototype.setPresenting = function (on) {
    this.state.modes.presenting = on;
    this.confirming = false;
    this.applyModes();
    this.save();
    this.render(true);
    if (on) window.scrollTo(0, 0);
    this.announce(on ? this.labels.player_present_on : this.labels.player_present_off);
  };

  // In presentation mode the trainer's notes have their own switch: nothing of them shows unasked.
  Player.prototype.toggleNotes = function () {
    var modes = this.state.modes;
    modes.notes = !modes.notes;
    this.applyModes();
    this.save();
    this.announce(modes.notes ? this.labels.player_notes_on : this.labels.player_notes_off);
  };

  Player.prototype.fullscreen = function () {
    try {
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else if (document.documentElement.requestFullscreen) {
        document.documentElement.requestFullscreen().catch(function () {});
      }
    } catch (error) {
      // full screen not allowed here: the presentation works without it
    }
  };

  // Presentation mode: number keys choose, B or ← goes back, R starts again, N notes, V votes, P presenter,
  // F full screen, Esc exits. The theme's own one-key shortcuts (search, next page) are kept off meanwhile.
  Player.prototype.onKey = function (event) {
    if (!this.state.modes.presenting || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var key = event.key;
    var path = this.state.path;
    var node = this.graph.nodes[this.current()];
    var letter = key.length === 1 ? key.toLowerCase() : key;
    var handled = true;
    if (key === "Escape") {
      if (this.confirming) this.cancelRestart();
      else this.setPresenting(false);
    } else if (this.asking) {
      handled = false;
    } else if (/^[1-9]$/.test(key)) {
      if (!node.end && node.choices[Number(key) - 1]) this.choose(this.current(), Number(key) - 1);
    } else if (letter === "b" || key === "ArrowLeft" || key === "Backspace") {
      if (path.length) this.back();
    } else if (letter === "r") {
      if (path.length) this.restart();
    } else if (letter === "n") {
      this.toggleNotes();
    } else if (letter === "v") {
      if (!node.end) this.toggleVotes();
    } else if (letter === "p") {
      this.openPresenter();
    } else if (letter === "f") {
      this.fullscreen();
    } else {
      handled = false;
    }
    if (handled) event.preventDefault();
    if (handled || key.length === 1) event.stopPropagation();
  };

  // --- printing: participant cards, the trainer's key, the group's debrief -----------------------

  Player.prototype.printAs = function (mode) {
    var html = document.documentElement;
    ["cards", "key", "debrief"].forEach(function (name) { html.classList.remove("manual-print-" + name); });
    if (!mode || typeof mode !== "string") {
      this.root.removeAttribute("data-print");
      return;
    }
    if (mode === "debrief") this.printout.replaceChildren(this.summary());
    this.root.setAttribute("data-print", mode);
    html.classList.add("manual-print-" + mode);
    window.print();
  };

  // The group's own debrief on paper: what the round was, then the debrief as on screen.
  Player.prototype.summary = function () {
    var labels = this.labels;
    var session = this.session();
    var section = element("section", "branching-print__summary");
    section.appendChild(heading(2, labels.player_summary));
    var facts = element("dl", "branching-print__facts");
    [[labels.player_date, session.date], [labels.player_group, session.group || "–"],
      [labels.player_reached, labels.player_situation + " " + session.situations + ": " + session.reached.situation_title]].forEach(function (fact) {
      facts.appendChild(element("dt", null, fact[0]));
      facts.appendChild(element("dd", null, fact[1]));
    });
    section.appendChild(facts);
    if (!session.finished) section.appendChild(element("p", "branching-print__unfinished", labels.player_not_finished));
    var debrief = this.debrief();
    debrief.removeAttribute("aria-labelledby");
    debrief.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    section.appendChild(debrief);
    return section;
  };

  // --- votes ---------------------------------------------------------------------------------------

  function voteTotal(counts) {
    return counts ? counts.reduce(function (sum, count) { return sum + (count || 0); }, 0) : 0;
  }

  Player.prototype.share = function (count, total) {
    var lang = document.documentElement.lang || "sv";
    return new Intl.NumberFormat(lang, { style: "percent" }).format(total ? count / total : 0);
  };

  Player.prototype.voteText = function (counts, index) {
    if (!counts) return "–";
    var count = counts[index] || 0;
    return count + " " + this.labels.player_vote_count + " (" + this.share(count, voteTotal(counts)) + ")";
  };

  // Under each choice of a list: how many voted for it, before and after the discussion.
  Player.prototype.showVotes = function (list, votes) {
    var labels = this.labels;
    list.querySelectorAll(".branching-player__votes").forEach(function (old) { old.remove(); });
    if (!votes) return;
    var rounds = [["first", labels.player_vote_first], ["second", labels.player_vote_second]].filter(function (round) {
      return votes[round[0]];
    });
    Array.prototype.forEach.call(list.children, function (item, index) {
      var box = element("div", "branching-player__votes");
      rounds.forEach(function (round) {
        var counts = votes[round[0]];
        var line = element("p", "branching-player__vote branching-player__vote--" + round[0]);
        line.appendChild(element("span", "branching-player__vote-round", round[1] + ": "));
        var bar = element("span", "branching-player__vote-bar");
        bar.setAttribute("aria-hidden", "true");
        var fill = element("span", "branching-player__vote-fill");
        var total = voteTotal(counts);
        fill.style.width = (total ? Math.round(100 * (counts[index] || 0) / total) : 0) + "%";
        bar.appendChild(fill);
        line.appendChild(bar);
        line.appendChild(element("span", "branching-player__vote-value", this.voteText(counts, index)));
        box.appendChild(line);
      }, this);
      item.appendChild(box);
    }, this);
  };

  // After a vote came from the other window: the bars, and the fields nobody is typing in.
  Player.prototype.refreshVotes = function () {
    var votes = this.state.votes[this.decisionKey(this.state.path)];
    var list = this.stage.querySelector(this.presenter ? ".branching-presenter__choices" : ".branching-player__choice-list");
    if (list) this.showVotes(list, votes);
    this.stage.querySelectorAll(".branching-player__vote-input").forEach(function (input) {
      if (input === document.activeElement) return;
      var counts = votes && votes[input.dataset.round];
      var value = counts ? counts[Number(input.dataset.choice)] : null;
      input.value = typeof value === "number" ? String(value) : "";
    });
  };

  Player.prototype.toggleVotes = function () {
    this.votesOpen = !this.votesOpen;
    this.render(false);
    var toggle = this.stage.querySelector(".branching-player__votes-toggle");
    if (toggle) toggle.focus();
    if (this.votesOpen) {
      var first = this.stage.querySelector(".branching-player__vote-input");
      if (first) first.focus();
    }
  };

  Player.prototype.votePanel = function () {
    var box = element("div", "branching-player__vote-panel");
    if (!this.presenter) {
      var toggle = button(this.labels.player_votes_title, "md-button branching-player__votes-toggle", this.toggleVotes.bind(this));
      toggle.setAttribute("aria-expanded", String(!!this.votesOpen));
      box.appendChild(toggle);
      if (!this.votesOpen) return box;
    }
    box.appendChild(this.voteForm());
    return box;
  };

  // A count per option for the first vote and for the vote after the discussion.
  Player.prototype.voteForm = function () {
    var labels = this.labels;
    var self = this;
    var path = this.state.path;
    var nodeId = this.follow(path);
    var key = this.decisionKey(path);
    var votes = this.state.votes[key] || {};
    var form = element("div", "branching-player__vote-form");
    var title = element("p", "branching-player__vote-title", labels.player_votes_title);
    title.id = "branching-votes-" + this.graph.id;
    form.setAttribute("role", "group");
    form.setAttribute("aria-labelledby", title.id);
    form.appendChild(title);
    form.appendChild(element("p", "branching-player__vote-hint", labels.player_votes_hint));
    var table = element("table", "branching-player__vote-table");
    var head = table.createTHead().insertRow();
    [labels.player_option, labels.player_vote_first, labels.player_vote_second].forEach(function (text) {
      var cell = element("th", null, text);
      cell.scope = "col";
      head.appendChild(cell);
    });
    var body = table.createTBody();
    this.graph.nodes[nodeId].choices.forEach(function (_choice, index) {
      var row = body.insertRow();
      var name = element("th", null, (index + 1) + ". " + self.choiceLabel(nodeId, index));
      name.scope = "row";
      row.appendChild(name);
      [["first", labels.player_vote_first], ["second", labels.player_vote_second]].forEach(function (round) {
        var input = element("input", "branching-player__vote-input");
        input.type = "number";
        input.min = "0";
        input.step = "1";
        input.inputMode = "numeric";
        input.dataset.round = round[0];
        input.dataset.choice = String(index);
        input.setAttribute("aria-label", labels.player_vote_for + " " + (index + 1) + ", " + round[1].toLowerCase());
        var value = votes[round[0]] ? votes[round[0]][index] : null;
        input.value = typeof value === "number" ? String(value) : "";
        input.addEventListener("input", function () { self.vote(key, round[0], index, input.value); });
        row.insertCell().appendChild(input);
      });
    });
    form.appendChild(this.scrolling(table, labels.player_votes_title));
    return form;
  };

  Player.prototype.vote = function (key, round, index, value) {
    var count = value === "" ? null : Math.floor(Number(value));
    if (count !== null && !(count >= 0)) count = null;
    if (this.presenter) {
      this.remote({ action: "vote", key: key, round: round, choice: index, count: count });
      return;
    }
    this.setVote(key, round, index, count);
  };

  Player.prototype.setVote = function (key, round, index, count) {
    var path = this.state.path;
    var choices = this.graph.nodes[this.follow(path)].choices.length;
    if (key !== this.decisionKey(path) || (round !== "first" && round !== "second") || !(index >= 0 && index < choices)) return;
    if (count !== null && !(typeof count === "number" && count >= 0 && Math.floor(count) === count)) return;
    var votes = this.state.votes[key] || { first: null, second: null };
    var counts = votes[round] || [];
    for (var i = 0; i < choices; i++) if (typeof counts[i] !== "number") counts[i] = null;
    counts[index] = count;
    votes[round] = counts.some(function (n) { return typeof n === "number"; }) ? counts : null;
    if (votes.first || votes.second) this.state.votes[key] = votes;
    else delete this.state.votes[key];
    this.save();
    this.refreshVotes();
  };

  // The debrief: the votes at each decision next to the choice the group made and the recommended ones.
  Player.prototype.votesTable = function (path) {
    var labels = this.labels;
    var rows = [];
    path.forEach(function (entry, k) {
      var votes = this.state.votes[this.decisionKey(path.slice(0, k))];
      if (votes) rows.push({ entry: entry, votes: votes });
    }, this);
    if (!rows.length) return null;
    var table = element("table", "branching-player__votes-compare");
    var head = table.createTHead().insertRow();
    [labels.player_situation, labels.player_option, labels.player_vote_first, labels.player_vote_second,
      labels.player_chosen, labels.player_recommended].forEach(function (text) {
      var cell = element("th", null, text);
      cell.scope = "col";
      head.appendChild(cell);
    });
    rows.forEach(function (row) {
      var body = table.createTBody();
      var nodeId = row.entry.node;
      var choices = this.graph.nodes[nodeId].choices;
      choices.forEach(function (choice, index) {
        var line = body.insertRow();
        if (index === 0) {
          var situation = element("th", null, this.title(nodeId));
          situation.scope = "rowgroup";
          situation.rowSpan = choices.length;
          line.appendChild(situation);
        }
        var option = element("th", null, (index + 1) + ". " + this.choiceLabel(nodeId, index));
        option.scope = "row";
        line.appendChild(option);
        line.insertCell().textContent = this.voteText(row.votes.first, index);
        line.insertCell().textContent = this.voteText(row.votes.second, index);
        line.insertCell().textContent = index === row.entry.choice ? labels.player_chosen : "";
        line.insertCell().textContent = choice.weak ? labels.weak_choice : labels.player_recommended;
        if (index === row.entry.choice) line.className = "branching-player__votes-chosen";
      }, this);
    }, this);
    return this.scrolling(table, labels.player_votes_compare);
  };

  // Time at each situation (a situation visited twice counts once, with both times) against the plan.
  Player.prototype.timesTable = function (path) {
    var labels = this.labels;
    var order = [];
    var seconds = {};
    path.forEach(function (entry, k) {
      if (!(entry.node in seconds)) {
        order.push(entry.node);
        seconds[entry.node] = 0;
      }
      seconds[entry.node] += (entry.at - (k ? path[k - 1].at : 0)) / 1000;
    });
    var table = element("table", "branching-player__times");
    var head = table.createTHead().insertRow();
    [labels.player_situation, labels.player_time, labels.player_planned].forEach(function (text) {
      var cell = element("th", null, text);
      cell.scope = "col";
      head.appendChild(cell);
    });
    var body = table.createTBody();
    order.forEach(function (nodeId) {
      var row = body.insertRow();
      var name = element("th", null, this.title(nodeId));
      name.scope = "row";
      row.appendChild(name);
      row.insertCell().textContent = clock(seconds[nodeId]);
      var minutes = this.graph.nodes[nodeId].minutes;
      row.insertCell().textContent = minutes ? minutes + " " + labels.minutes : "–";
    }, this);
    return this.scrolling(table, labels.player_time_per_situation);
  };

  // A wide table scrolls by itself on a narrow screen, and can be scrolled by keyboard.
  Player.prototype.scrolling = function (table, label) {
    var box = element("div", "branching-player__table");
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", label);
    box.appendChild(table);
    return box;
  };

  // --- the presenter view and the link between the two windows -----------------------------------

  Player.prototype.openPresenter = function () {
    var opened = window.open(window.location.href.split("#")[0] + "#presenter", "manualen-presenter-" + this.graph.id, "popup,width=960,height=720");
    if (opened) this.addPeer(opened);
  };

  Player.prototype.addPeer = function (peer) {
    if (peer && this.peers.indexOf(peer) < 0) this.peers.push(peer);
  };

  function targetOrigin() {
    // pages opened from files have an opaque origin that no target origin can name
    return window.location.protocol === "file:" ? "*" : window.location.origin;
  }

  Player.prototype.listen = function () {
    var self = this;
    try {
      this.channel = new BroadcastChannel(MESSAGE_SOURCE + "." + this.graph.id);
      this.channel.onmessage = function (event) { self.receive(event.data, null); };
    } catch (error) {
      this.channel = null; // no BroadcastChannel here: postMessage between the two windows still works
    }
    window.addEventListener("message", function (event) {
      if (event.source && event.source !== window) self.receive(event.data, event.source);
    });
  };

  // To every window that follows or leads: over the channel, and straight to the windows we know.
  Player.prototype.send = function (message, peer) {
    message.source = MESSAGE_SOURCE;
    message.graph = this.graph.id;
    if (this.channel) {
      try {
        this.channel.postMessage(message);
      } catch (error) {
        // channel closed: the direct messages below still go
      }
    }
    (peer ? [peer] : this.peers).forEach(function (target) {
      try {
        if (!target.closed) target.postMessage(message, targetOrigin());
      } catch (error) {
        // the other window is gone
      }
    });
  };

  Player.prototype.broadcast = function () {
    if (!this.aid && !this.presenter) this.send({ type: "state", state: this.state });
  };

  // A command from the presenter view goes one way only, so it is carried out once.
  Player.prototype.remote = function (command) {
    command.type = "command";
    command.source = MESSAGE_SOURCE;
    command.graph = this.graph.id;
    var opener = window.opener;
    try {
      if (opener && !opener.closed) {
        opener.postMessage(command, targetOrigin());
        return;
      }
    } catch (error) {
      // the opener went away: try the channel
    }
    if (this.channel) this.channel.postMessage(command);
  };

  Player.prototype.receive = function (message, peer) {
    if (!message || message.source !== MESSAGE_SOURCE || message.graph !== this.graph.id) return;
    if (this.presenter) {
      if (message.type === "state") this.followState(message.state);
      return;
    }
    if (peer) this.addPeer(peer);
    if (message.type === "hello") this.send({ type: "state", state: this.state }, peer);
    else if (message.type === "command") this.command(message);
  };

  Player.prototype.command = function (message) {
    if (this.asking) return;
    var nodeId = this.current();
    var node = this.graph.nodes[nodeId];
    if (message.action === "choose" && message.node === nodeId && !node.end && node.choices[message.choice]) {
      this.choose(nodeId, message.choice);
    } else if (message.action === "back" && this.state.path.length) {
      this.back();
    } else if (message.action === "restart") {
      this.confirming = true; // asked in the presenter view
      this.restart();
    } else if (message.action === "vote") {
      this.setVote(message.key, message.round, message.choice, message.count);
    }
  };

  Player.prototype.followState = function (state) {
    if (!state || !Array.isArray(state.path) || typeof state.started !== "number" || !this.follow(state.path)) return;
    if (!state.votes || typeof state.votes !== "object") state.votes = {};
    state.modes = modesOf(state.modes);
    this.state = state;
    if (!this.connected) {
      this.connected = true;
      this.connection.textContent = this.labels.presenter_following;
    }
    this.render(false);
  };

  Player.prototype.hello = function () {
    this.send({ type: "hello" }, window.opener || null);
  };

  Player.prototype.startPresenter = function () {
    var labels = this.labels;
    var self = this;
    document.documentElement.classList.add("manual-presenting", "manual-presenter");
    this.root.classList.add("branching--enhanced", "branching--presenter");
    this.view = element("div", "branching-presenter");
    var header = element("div", "branching-presenter__header");
    header.appendChild(element("p", "branching-presenter__label", labels.presenter_title + ": " + this.pageTitle()));
    this.connection = element("p", "branching-presenter__connection", labels.presenter_waiting);
    header.appendChild(this.connection);
    this.timers = element("p", "branching-presenter__timers");
    header.appendChild(this.timers);
    this.view.appendChild(header);
    this.stage = element("div", "branching-presenter__stage");
    this.view.appendChild(this.stage);
    this.status = element("p", "branching-player__status");
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.view.appendChild(this.status);
    this.root.insertBefore(this.view, this.root.firstChild);
    document.title = labels.presenter_title + " – " + document.title;
    this.render(false);
    this.listen();
    this.hello();
    setInterval(function () {
      self.tick();
      self.ticks = (self.ticks || 0) + 1;
      if (self.ticks % 2 === 0) self.hello(); // finds the projected window again after it reloads
    }, 1000);
  };

  Player.prototype.cardNumber = function (nodeId) {
    return this.card(nodeId).querySelector(".branching-node__number").textContent.trim();
  };

  Player.prototype.planned = function (minutes) {
    return minutes ? " (" + this.labels.player_planned.toLowerCase() + " " + minutes + " " + this.labels.minutes + ")" : "";
  };

  Player.prototype.renderPresenter = function () {
    var labels = this.labels;
    var path = this.state.path;
    var shown = JSON.stringify([path, this.state.started, !!this.confirming]);
    if (shown === this.shown) { // only votes or modes changed: keep the fields as they are
      this.refreshVotes();
      this.tick();
      return;
    }
    var moved = this.shown !== undefined;
    this.shown = shown;
    var nodeId = this.current();
    var node = this.graph.nodes[nodeId];
    var card = this.card(nodeId);
    var stage = this.stage;
    stage.replaceChildren();
    stage.appendChild(element("p", "branching-player__progress", labels.player_situation + " " + this.situationNumber(path) + " · " + this.cardNumber(nodeId)));
    var title = element("h2", "branching-player__title", this.title(nodeId));
    title.tabIndex = -1;
    stage.appendChild(title);
    if (path.length) {
      var last = path[path.length - 1];
      var lastChoice = this.graph.nodes[last.node].choices[last.choice];
      var feedback = element("div", "branching-player__feedback" + (lastChoice.weak ? " branching-player__feedback--weak" : ""));
      var chosen = element("p", "branching-player__chosen");
      chosen.appendChild(element("strong", null, labels.presenter_last_choice + ": "));
      chosen.appendChild(document.createTextNode(this.choiceLabel(last.node, last.choice)));
      feedback.appendChild(chosen);
      feedback.appendChild(copyOf(this.choiceElement(last.node, last.choice).querySelector(".branching-choice__feedback")));
      stage.appendChild(feedback);
    }
    [".branching-node__facilitator", ".branching-node__text", ".branching-node__outcome"].forEach(function (selector) {
      var part = card.querySelector(selector);
      if (part) stage.appendChild(copyOf(part));
    });
    if (node.end) {
      [".branching-closing__text", ".branching-closing__questions"].forEach(function (selector) {
        var part = this.root.querySelector(selector);
        if (part) stage.appendChild(copyOf(part));
      }, this);
    } else {
      stage.appendChild(heading(3, labels.presenter_next));
      var list = element("ol", "branching-presenter__choices");
      var tried = this.tried(path);
      node.choices.forEach(function (choice, index) {
        var item = element("li", "branching-presenter__choice" + (choice.weak ? " branching-presenter__choice--weak" : ""));
        var label = element("p", "branching-presenter__choice-label");
        label.appendChild(element("strong", null, (index + 1) + ". " + this.choiceLabel(nodeId, index)));
        if (tried.indexOf(index) >= 0) label.appendChild(this.triedMark());
        item.appendChild(label);
        item.appendChild(copyOf(this.choiceElement(nodeId, index).querySelector(".branching-choice__feedback")));
        var next = this.graph.nodes[choice.next];
        item.appendChild(element("p", "branching-presenter__next", "→ " + this.cardNumber(choice.next) + ": " + this.title(choice.next) +
          this.planned(next.minutes) + (next.end ? " – " + labels.presenter_end : "")));
        var pick = button(labels.presenter_choose + " " + (index + 1), "md-button branching-presenter__choose",
          this.remote.bind(this, { action: "choose", node: nodeId, choice: index }));
        pick.setAttribute("aria-label", labels.presenter_choose + " " + (index + 1) + ": " + this.choiceLabel(nodeId, index));
        item.appendChild(pick);
        list.appendChild(item);
      }, this);
      stage.appendChild(list);
      this.showVotes(list, this.state.votes[this.decisionKey(path)]);
      stage.appendChild(this.voteForm());
    }
    if (path.length) stage.appendChild(this.moves());
    this.tick();
    if (moved) this.announce(labels.player_situation + " " + this.situationNumber(path) + ": " + this.title(nodeId) + ".");
  };

  // The clock of the presenter view: the whole round and the current situation, each against its plan.
  Player.prototype.tick = function () {
    if (!this.timers) return;
    var labels = this.labels;
    var path = this.state.path;
    var node = this.graph.nodes[this.current()];
    var last = path.length ? path[path.length - 1].at : 0;
    var elapsed = node.end ? last : Date.now() - this.state.started;
    var text = labels.presenter_elapsed + ": " + clock(elapsed / 1000) + this.planned(this.graph.duration_minutes);
    var over = false;
    if (!node.end) {
      var here = (elapsed - last) / 1000;
      over = !!node.minutes && here > node.minutes * 60;
      text += " · " + labels.presenter_in_situation + ": " + clock(here) + this.planned(node.minutes) + (over ? " – " + labels.sessions_over : "");
    }
    this.timers.textContent = text;
    this.timers.classList.toggle("branching-presenter__timers--over", over);
  };

  document.querySelectorAll(".branching").forEach(function (root) {
    var source = root.querySelector("script.branching-graph");
    if (!source) return;
    new Player(root, JSON.parse(source.textContent)).start();
  });
})();
