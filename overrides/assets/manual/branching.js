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

  function Player(root, graph) {
    this.root = root;
    this.graph = graph;
    this.labels = graph.labels;
    this.aid = graph.kind === "decision-aid";
    this.facilitator = false;
    this.state = this.load();
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

  Player.prototype.fresh = function () {
    return { started: Date.now(), path: [] };
  };

  Player.prototype.load = function () {
    if (!this.graph.storage_key) return this.fresh();
    try {
      var saved = JSON.parse(window.localStorage.getItem(this.graph.storage_key));
      if (saved && Array.isArray(saved.path) && typeof saved.started === "number" && this.follow(saved.path)) {
        return saved;
      }
    } catch (error) {
      // storage unavailable or unreadable: start afresh, the player works without it
    }
    return this.fresh();
  };

  Player.prototype.save = function () {
    if (!this.graph.storage_key) return;
    try {
      window.localStorage.setItem(this.graph.storage_key, JSON.stringify(this.state));
    } catch (error) {
      // storage full or disabled: progress is simply not kept
    }
  };

  Player.prototype.current = function () {
    return this.follow(this.state.path);
  };

  Player.prototype.start = function () {
    this.view = element("div", "branching-player");
    this.status = element("p", "branching-player__status");
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.stage = element("div", "branching-player__stage");

    if (!this.aid) {
      var tools = element("div", "branching-player__tools");
      this.facilitatorButton = button(this.labels.player_facilitator, "md-button branching-player__facilitator", this.toggleFacilitator.bind(this));
      this.facilitatorButton.setAttribute("aria-pressed", "false");
      tools.appendChild(this.facilitatorButton);
      tools.appendChild(button(this.labels.player_export, "md-button branching-player__export", this.exportPath.bind(this)));
      tools.appendChild(button(this.labels.player_print, "md-button branching-player__print", function () { window.print(); }));
      this.view.appendChild(tools);
    }
    this.view.appendChild(this.stage);
    this.view.appendChild(this.status);
    this.root.insertBefore(this.view, this.root.firstChild);
    this.listen();
    try {
      this.render(false);
    } catch (error) {
      this.view.remove(); // the document stays readable as it is
      throw error;
    }
    this.root.classList.add("branching--enhanced");
    if (this.aid) this.root.classList.add("branching--aid");
  };

  // The decision aid keeps its place in the address: `?svar=0-2-1` holds only the answers (the
  // index of each choice), so Back and Forward move between questions, a reload keeps the answers,
  // and every card has an address of its own. `#node-<id>` (a search result) opens that card.
  Player.prototype.fromAddress = function () {
    var params = new URLSearchParams(window.location.search);
    var answers = params.get("svar");
    var path = [];
    if (answers) {
      var nodeId = this.graph.start;
      var parts = answers.split("-");
      for (var i = 0; i < parts.length; i++) {
        var node = this.graph.nodes[nodeId];
        var index = Number(parts[i]);
        if (!node || !/^\d+$/.test(parts[i]) || !node.choices[index]) return null;
        path.push({ node: nodeId, choice: index, at: 0 });
        nodeId = node.choices[index].next;
      }
      return path;
    }
    var hash = window.location.hash.replace(/^#node-/, "");
    return hash && hash !== window.location.hash && this.graph.nodes[hash] ? this.pathTo(hash) : null;
  };

  // The shortest path of answers from the start to a node (breadth first), or null.
  Player.prototype.pathTo = function (target) {
    var queue = [this.graph.start];
    var via = {};
    via[this.graph.start] = null;
    while (queue.length) {
      var nodeId = queue.shift();
      if (nodeId === target) {
        var path = [];
        for (var step = via[nodeId]; step; step = via[step.node]) path.unshift({ node: step.node, choice: step.choice, at: 0 });
        return path;
      }
      (this.graph.nodes[nodeId].choices || []).forEach(function (choice, index) {
        if (!(choice.next in via)) {
          via[choice.next] = { node: nodeId, choice: index };
          queue.push(choice.next);
        }
      });
    }
    return null;
  };

  Player.prototype.address = function () {
    var url = new URL(window.location.href);
    url.hash = "";
    if (this.state.path.length) {
      url.searchParams.set("svar", this.state.path.map(function (entry) { return entry.choice; }).join("-"));
    } else {
      url.searchParams.delete("svar");
    }
    return url.href;
  };

  // A new history entry per answer; `replace` rewrites the current one instead.
  Player.prototype.remember = function (replace) {
    if (!this.aid) return;
    var entry = { branching: this.graph.id, depth: this.state.path.length };
    try {
      if (replace) window.history.replaceState(entry, "", this.address());
      else window.history.pushState(entry, "", this.address());
    } catch (error) {
      // some browsers refuse to change a file:// address: the aid works as before, without it
    }
  };

  Player.prototype.listen = function () {
    if (!this.aid) return;
    var player = this;
    var found = this.fromAddress();
    if (found) this.state.path = found;
    this.remember(true);
    this.startDepth = this.state.path.length;
    window.addEventListener("popstate", function () {
      player.state.path = player.fromAddress() || [];
      player.render(true);
      player.announce(player.title(player.current()) + ".");
    });
  };

  Player.prototype.render = function (moveFocus) {
    var nodeId = this.current();
    var node = this.graph.nodes[nodeId];
    var card = this.card(nodeId);
    var path = this.state.path;
    var stage = this.stage;
    stage.replaceChildren();

    var progress = this.aid
      ? (node.end ? this.labels.aid_result : this.labels.aid_question + " " + (path.length + 1))
      : this.labels.player_situation + " " + (path.length + 1);
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
      node.choices.forEach(function (_choice, index) {
        var item = element("li");
        var choose = button(this.choiceLabel(nodeId, index), "branching-player__choice", this.choose.bind(this, nodeId, index));
        choose.dataset.choice = String(index);
        item.appendChild(choose);
        list.appendChild(item);
      }, this);
      group.appendChild(list);
      stage.appendChild(group);
    }

    if (path.length && this.aid) stage.appendChild(this.answers());

    if (path.length) {
      var moves = element("div", "branching-player__moves");
      moves.appendChild(button(this.labels.player_back, "md-button branching-player__back", this.back.bind(this)));
      moves.appendChild(button(this.labels.player_restart, "md-button branching-player__restart", this.restart.bind(this)));
      stage.appendChild(moves);
    }

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
    this.state.path.push({ node: nodeId, choice: index, at: at });
    this.save();
    this.remember(false);
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
    var entry = window.history.state;
    if (this.aid && entry && entry.branching === this.graph.id && entry.depth === this.state.path.length &&
        entry.depth > this.startDepth) {
      window.history.back(); // popstate shows the previous question
      return;
    }
    this.state.path.pop();
    this.remember(true);
    this.save();
    this.render(true);
    this.announce(this.labels.player_back_to + ": " + this.title(this.current()) + ".");
  };

  Player.prototype.restart = function () {
    this.state = this.fresh();
    this.save();
    this.remember(false);
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
    this.remember(false);
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
    this.facilitator = !this.facilitator;
    this.root.classList.toggle("branching--facilitator", this.facilitator);
    this.facilitatorButton.setAttribute("aria-pressed", String(this.facilitator));
    this.announce(this.facilitator ? this.labels.player_facilitator_on : this.labels.player_facilitator_off);
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

    section.appendChild(heading(4, labels.player_weak_choices));
    section.appendChild(weak.children.length ? weak : element("p", "branching-player__no-weak", labels.player_no_weak_choices));

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

  // The group's path as a JSON file: what was chosen and when (seconds from the start), nothing personal.
  Player.prototype.exportPath = function () {
    var record = {
      graph: this.graph.id,
      language: document.documentElement.lang,
      finished: this.graph.nodes[this.current()].end,
      choices: this.state.path.map(function (entry) {
        var choice = this.graph.nodes[entry.node].choices[entry.choice];
        return {
          seconds: Math.round(entry.at / 1000),
          situation: entry.node,
          situation_title: this.title(entry.node),
          choice: entry.choice + 1,
          label: this.choiceLabel(entry.node, entry.choice),
          weak: choice.weak,
          next: choice.next,
        };
      }, this),
      reached: { situation: this.current(), situation_title: this.title(this.current()) },
    };
    var blob = new Blob([JSON.stringify(record, null, 2) + "\n"], { type: "application/json" });
    var link = element("a");
    link.href = URL.createObjectURL(blob);
    link.download = this.graph.id + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  };

  document.querySelectorAll(".branching").forEach(function (root) {
    var source = root.querySelector("script.branching-graph");
    if (!source) return;
    new Player(root, JSON.parse(source.textContent)).start();
  });
})();
