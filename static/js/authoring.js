/* « Ajouter un bloc » without a round trip to the server (progressive enhancement).
   Without JavaScript the button posts the form and the server sends it back with one more
   block; with it, the block is cloned from its <template> and the files already chosen stay. */
(function () {
  "use strict";
  var form = document.getElementById("authoring-form");
  var button = document.getElementById("add-block");
  var select = document.getElementById("new-block-type");
  var list = document.getElementById("body-blocks");
  if (!form || !button || !select || !list) {
    return;
  }
  var count = form.querySelector("input[name='body-count']");
  button.addEventListener("click", function (event) {
    var template = document.getElementById("block-template-" + select.value);
    if (!template || !("content" in template)) {
      return; // let the form post: the server adds the block
    }
    event.preventDefault();
    var index = parseInt(count.value, 10) || 0;
    var wrapper = document.createElement("div");
    wrapper.innerHTML = template.innerHTML.replace(/__index__/g, String(index)).replace(/__number__/g, String(index + 1));
    var block = wrapper.firstElementChild;
    var empty = document.getElementById("body-empty");
    if (empty) {
      empty.remove();
    }
    list.appendChild(block);
    count.value = String(index + 1);
    var first = block.querySelector("input:not([type=hidden]), textarea, select");
    if (first) {
      first.focus();
    }
  });
})();
